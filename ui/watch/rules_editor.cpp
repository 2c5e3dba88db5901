#include "ui/watch/rules_editor.h"

#include "core/watch/watch_rules.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace wake::ui {

QString RulesEditor::example()
{
    return QStringLiteral(R"({
  "ownShip": {"mmsi": 366999999},
  "areas": [
    {"name": "Approach", "box": [47.60, -122.40, 47.65, -122.35]}
  ],
  "rules": [
    {"kind": "area_enter", "area": "Approach"},
    {"kind": "area_leave", "area": "Approach"},
    {"kind": "listed_heard", "list": "OFAC SDN"},
    {"kind": "dark", "list": "OFAC SDN", "intervals": 6},
    {"kind": "identity_change"},
    {"kind": "encounter_forming"},
    {"kind": "cpa", "nm": 0.5, "minutes": 12}
  ]
}
)");
}

RulesEditor::RulesEditor(QString path, std::vector<geo::Area> storedAreas, QWidget* parent)
    : QDialog(parent), m_path(std::move(path)), m_storedAreas(std::move(storedAreas))
{
    setWindowTitle(tr("Watch rules — %1").arg(QFileInfo(m_path).fileName()));
    auto* layout = new QVBoxLayout(this);
    m_text = new QPlainTextEdit(this);
    m_text->setAccessibleName(tr("Watch rules (JSON)"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFile file(m_path);
    m_text->setPlainText(file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.read(4 << 20))
                                                        : example());
    layout->addWidget(m_text);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("Save and watch"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (Status s = save(); !s) {
            m_status->setText(s.error().toString());
            return;
        }
        accept();
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, &RulesEditor::check);
    resize(fontMetrics().averageCharWidth() * 90, fontMetrics().height() * 30);
    check();
}

QString RulesEditor::problem() const
{
    auto rules = watch::parseWatchRules(m_text->toPlainText().toUtf8(),
                                        QFileInfo(m_path).absolutePath(), m_storedAreas);
    return rules ? QString() : rules.error().toString();
}

void RulesEditor::check()
{
    const QString p = problem();
    m_status->setText(p.isEmpty() ? tr("The rules read. Distress is always watched as well.") : p);
    m_status->setStyleSheet(p.isEmpty() ? QString() : QStringLiteral("color: #b33c00;"));
    m_save->setEnabled(p.isEmpty());
}

Status RulesEditor::save()
{
    if (const QString p = problem(); !p.isEmpty()) {
        return Error{Error::Code::Format, p, m_path};
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{Error::Code::Io, file.errorString(), m_path};
    }
    file.write(m_text->toPlainText().toUtf8());
    if (!file.commit()) {
        return Error{Error::Code::Io, file.errorString(), m_path};
    }
    return {};
}

} // namespace wake::ui
