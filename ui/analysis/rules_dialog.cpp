#include "ui/analysis/rules_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace wake::ui {

namespace {

QString groupTitle(const QString& group)
{
    if (group == QLatin1String("portVisits")) {
        return QObject::tr("Port visits");
    }
    if (group == QLatin1String("gaps")) {
        return QObject::tr("AIS gaps");
    }
    if (group == QLatin1String("encounters")) {
        return QObject::tr("Encounters");
    }
    if (group == QLatin1String("loitering")) {
        return QObject::tr("Loitering");
    }
    return QObject::tr("Position jumps");
}

} // namespace

RulesDialog::RulesDialog(const analysis::AnalysisRules& rules, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("rulesDialog"));
    setWindowTitle(tr("Analysis rules"));
    auto* layout = new QVBoxLayout(this);
    auto* presetRow = new QHBoxLayout;
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("rulesPreset"));
    m_preset->addItem(tr("Global Fishing Watch"), QStringLiteral("gfw"));
    m_preset->addItem(tr("Skylight"), QStringLiteral("skylight"));
    m_preset->addItem(tr("Custom"), QStringLiteral("custom"));
    auto* presetLabel = new QLabel(tr("&Preset:"), this);
    presetLabel->setBuddy(m_preset);
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(m_preset, 1);
    layout->addLayout(presetRow);

    auto* body = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(body);
    QString currentGroup;
    QFormLayout* form = nullptr;
    for (const analysis::RuleField& f : analysis::AnalysisRules::fieldList()) {
        if (f.group != currentGroup) {
            currentGroup = f.group;
            auto* box = new QGroupBox(groupTitle(f.group), body);
            form = new QFormLayout(box);
            bodyLayout->addWidget(box);
        }
        auto* spin = new QDoubleSpinBox(body);
        spin->setObjectName(f.group + QLatin1Char('/') + f.key);
        spin->setRange(f.min, f.max); // what a rules file may hold too
        spin->setDecimals(2);
        spin->setSuffix(QLatin1Char(' ') + f.unit);
        spin->setAccessibleName(f.label);
        form->addRow(f.label, spin);
        m_fields.insert(f.group + QLatin1Char('/') + f.key, spin);
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this] {
            if (!m_loading) {
                const QSignalBlocker block(m_preset);
                m_preset->setCurrentIndex(m_preset->findData(QStringLiteral("custom")));
            }
        });
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    layout->addWidget(scroll, 1);
    auto* note = new QLabel(tr("Every event keeps the rule values that produced it. After a "
                               "change, Wake lists the events that would be added and removed "
                               "before it keeps them."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto preset =
                analysis::AnalysisRules::fromPreset(m_preset->currentData().toString())) {
            setRules(*preset);
        }
    });
    setRules(rules);
    resize(520, 640);
}

void RulesDialog::setRules(const analysis::AnalysisRules& rules)
{
    m_loading = true;
    const QJsonObject json = rules.toJson();
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'));
        it.value()->setValue(json.value(parts[0]).toObject().value(parts[1]).toDouble());
    }
    const int index = m_preset->findData(rules.preset);
    const QSignalBlocker block(m_preset);
    m_preset->setCurrentIndex(index >= 0 ? index : m_preset->findData(QStringLiteral("custom")));
    m_loading = false;
}

analysis::AnalysisRules RulesDialog::rules() const
{
    QJsonObject json{{QStringLiteral("preset"), m_preset->currentData().toString()}};
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'));
        QJsonObject group = json.value(parts[0]).toObject();
        group.insert(parts[1], it.value()->value());
        json.insert(parts[0], group);
    }
    return analysis::AnalysisRules::fromJson(json);
}

QDoubleSpinBox* RulesDialog::field(const QString& group, const QString& key) const
{
    return m_fields.value(group + QLatin1Char('/') + key);
}

} // namespace wake::ui
