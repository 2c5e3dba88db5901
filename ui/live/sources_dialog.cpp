#include "ui/live/sources_dialog.h"

#include "core/live/source_url.h"
#include "ui/live/live_controller.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wake::ui {

namespace {

enum Column
{
    kName,
    kUrl,
    kState,
    kRate,
    kLastMessage,
    kReconnects,
    kErrors,
    kDuplicates,
    kColumns
};

QString age(std::int64_t nowMs, std::int64_t thenMs)
{
    if (thenMs <= 0) {
        return QObject::tr("never");
    }
    const double s = static_cast<double>(nowMs - thenMs) / 1000.0;
    return s < 90 ? QObject::tr("%1 s ago").arg(s, 0, 'f', 0)
                  : QObject::tr("%1 min ago").arg(s / 60.0, 0, 'f', 0);
}

} // namespace

SourcesDialog::SourcesDialog(LiveController& controller, QWidget* parent)
    : QDialog(parent), m_controller(controller)
{
    setWindowTitle(tr("Live sources"));
    resize(900, 320);
    m_table = new QTableWidget(0, kColumns, this);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("URL"), tr("State"), tr("Messages/s"),
                                        tr("Last message"), tr("Reconnects"), tr("Errors"),
                                        tr("Duplicates")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(kUrl, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    auto* add = new QPushButton(tr("&Add..."), this);
    m_edit = new QPushButton(tr("&Edit..."), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(add, &QPushButton::clicked, this, [this] { editSource(); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (!selectedName().isEmpty()) {
            editSource(selectedName());
        }
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        if (!name.isEmpty() &&
            QMessageBox::question(this, tr("Remove source"),
                                  tr("Stop receiving from \"%1\" and remove it? What it sent "
                                     "stays stored.")
                                      .arg(name)) == QMessageBox::Yes) {
            m_controller.removeSource(name);
            rebuild();
        }
    });
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!m_rebuilding && item->column() == kName) {
            m_controller.setSourceEnabled(item->data(Qt::UserRole).toString(),
                                          item->checkState() == Qt::Checked);
        }
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_edit->setEnabled(!selectedName().isEmpty());
        m_remove->setEnabled(!selectedName().isEmpty());
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this,
            [this](int, int) { editSource(selectedName()); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(close);
    auto* help = new QLabel(tr("Each source is a URL: tcp://HOST:PORT, tcp-listen://[HOST]:PORT, "
                               "udp://[HOST]:PORT, gpsd://HOST[:PORT], serial:DEVICE?baud=N or "
                               "file:PATH. Everything received is stored and recorded."),
                            this);
    help->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(&m_controller, &LiveController::snapshotReady, this, &SourcesDialog::refresh);
    rebuild();
}

QString SourcesDialog::selectedName() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : m_table->item(rows.first().row(), kName)->data(Qt::UserRole).toString();
}

void SourcesDialog::rebuild()
{
    m_rebuilding = true;
    const auto& sources = m_controller.sources();
    m_table->setRowCount(static_cast<int>(sources.size()));
    for (int row = 0; row < static_cast<int>(sources.size()); ++row) {
        const auto& s = sources[static_cast<std::size_t>(row)];
        auto* name = new QTableWidgetItem(s.name);
        name->setData(Qt::UserRole, s.name);
        name->setFlags(name->flags() | Qt::ItemIsUserCheckable);
        name->setCheckState(s.enabled ? Qt::Checked : Qt::Unchecked);
        name->setToolTip(tr("Tick to receive from this source"));
        m_table->setItem(row, kName, name);
        m_table->setItem(row, kUrl, new QTableWidgetItem(live::maskedSourceUrl(s.url)));
        for (int c = kState; c < kColumns; ++c) {
            m_table->setItem(row, c, new QTableWidgetItem(QStringLiteral("-")));
        }
    }
    m_edit->setEnabled(!selectedName().isEmpty());
    m_remove->setEnabled(!selectedName().isEmpty());
    m_rebuilding = false;
    if (m_controller.latest()) {
        refresh(m_controller.latest());
    }
}

void SourcesDialog::refresh(const std::shared_ptr<const LiveSnapshot>& snapshot)
{
    const QLocale locale;
    m_rebuilding = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, kName)->data(Qt::UserRole).toString();
        for (const live::SourceStatus& s : snapshot->sources) {
            if (s.name != name) {
                continue;
            }
            m_table->item(row, kState)->setText(live::toString(s.state));
            m_table->item(row, kState)->setToolTip(s.counters.lastError);
            m_table->item(row, kRate)->setText(QString::number(s.messagesPerSecond, 'f', 0));
            m_table->item(row, kLastMessage)
                ->setText(age(snapshot->nowUtcMs, s.counters.lastDataUtcMs));
            m_table->item(row, kReconnects)
                ->setText(locale.toString(static_cast<qlonglong>(s.counters.reconnects)));
            m_table->item(row, kErrors)
                ->setText(locale.toString(
                    static_cast<qlonglong>(s.counters.errors + s.decode.rejected())));
            m_table->item(row, kErrors)
                ->setToolTip(s.counters.lastError.isEmpty()
                                 ? tr("%1 lines rejected").arg(s.decode.rejected())
                                 : tr("Last error: %1").arg(s.counters.lastError));
            m_table->item(row, kDuplicates)
                ->setText(QStringLiteral("%1 %").arg(100.0 * s.duplicateShare(), 0, 'f', 1));
        }
    }
    m_rebuilding = false;
}

bool SourcesDialog::editSource(const QString& existingName)
{
    QDialog form(this);
    form.setWindowTitle(existingName.isEmpty() ? tr("Add a live source") : tr("Edit live source"));
    auto* name = new QLineEdit(&form);
    auto* url = new QLineEdit(&form);
    url->setPlaceholderText(QStringLiteral("tcp://192.168.1.20:10110"));
    name->setPlaceholderText(tr("named after the URL when empty"));
    // The form shows the password masked too; left as it is, the stored one stays.
    QString originalUrl;
    for (const auto& s : m_controller.sources()) {
        if (s.name == existingName) {
            name->setText(s.name);
            url->setText(live::maskedSourceUrl(s.url));
            originalUrl = s.url;
        }
    }
    auto* problem = new QLabel(&form);
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #b00020"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &form);
    auto* layout = new QFormLayout(&form);
    layout->addRow(tr("&Name:"), name);
    layout->addRow(tr("&URL:"), url);
    layout->addRow(problem);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &form, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &form, [&] {
        const QString typed = url->text().trimmed();
        const bool unchanged =
            !originalUrl.isEmpty() && typed == live::maskedSourceUrl(originalUrl);
        const live::LiveSourceConfig config{name->text().trimmed(), unchanged ? originalUrl : typed,
                                            true};
        const Status s = existingName.isEmpty() ? m_controller.addSource(config)
                                                : m_controller.replaceSource(existingName, config);
        if (!s) {
            problem->setText(s.error().message); // the form stays open: nothing typed is lost
            return;
        }
        form.accept();
    });
    const bool accepted = form.exec() == QDialog::Accepted;
    rebuild();
    return accepted;
}

} // namespace wake::ui
