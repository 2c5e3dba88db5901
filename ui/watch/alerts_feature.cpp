#include "ui/watch/alerts_feature.h"

#include "core/export/track_export.h"
#include "core/investigate/case_file.h"
#include "ui/live/live_feature.h"
#include "ui/map/map_widget.h"
#include "ui/shell/selected_vessel.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace wake::ui {

namespace {

constexpr int kSnoozeMinutes = 60;

QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString positionText(const watch::Alert& a)
{
    return a.position ? QStringLiteral("%1, %2")
                            .arg(a.position->latDeg, 0, 'f', 5)
                            .arg(a.position->lonDeg, 0, 'f', 5)
                      : QString();
}

QString acknowledgedText(const watch::Alert& a)
{
    if (a.isAcknowledged()) {
        return QStringLiteral("%1, %2").arg(a.acknowledgedBy,
                                            exporting::isoUtc(*a.acknowledgedUtcMs));
    }
    return a.snoozed ? QObject::tr("snoozed") : QString();
}

} // namespace

AlertsFeature::AlertsFeature(Shell& shell, LiveFeature& live)
    : QObject(shell.window()), m_shell(shell)
{
    buildDock();
    m_count = new QLabel(shell.window());
    m_count->setObjectName(QStringLiteral("alertCount"));
    m_count->setAccessibleName(tr("Alerts to acknowledge"));
    shell.statusBar()->addPermanentWidget(m_count);

    // The distress banner: over the map, until acknowledged.
    m_banner = new QFrame(shell.map());
    m_banner->setObjectName(QStringLiteral("distressBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(QStringLiteral(
        "#distressBanner { background: #d55e00; border-radius: 4px; } QLabel { color: white; "
        "font-weight: bold; }"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    auto* ack = new QPushButton(tr("Acknowledge"), m_banner);
    ack->setAccessibleName(tr("Acknowledge the distress alerts"));
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(ack);
    connect(ack, &QPushButton::clicked, this, &AlertsFeature::acknowledgeDistress);
    m_banner->hide();
    shell.map()->installEventFilter(this);

    // An optional sound (the system's bell), off unless asked for.
    QAction* sound = shell.menu(MenuId::Live)->addAction(tr("&Sound on alerts"));
    sound->setCheckable(true);
    sound->setChecked(QSettings().value(QStringLiteral("watch/sound"), false).toBool());
    connect(sound, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("watch/sound"), on); });
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(500);
    connect(&m_reloadTimer, &QTimer::timeout, this, &AlertsFeature::onReloadTimer);
    connect(&live, &LiveFeature::alertRaised, this, &AlertsFeature::onAlert);
    connect(&shell.session(), &Session::databaseChanged, this, &AlertsFeature::reload);
    reload();
}

void AlertsFeature::buildDock()
{
    m_dock = new QDockWidget(tr("Alerts"), m_shell.window());
    m_dock->setObjectName(QStringLiteral("alertsDock"));
    auto* body = new QWidget(m_dock);
    auto* layout = new QVBoxLayout(body);
    auto* bar = new QHBoxLayout;
    m_openOnly = new QCheckBox(tr("Not acknowledged"), body);
    m_openOnly->setAccessibleName(tr("Only alerts not acknowledged"));
    m_kind = new QComboBox(body);
    m_kind->setAccessibleName(tr("Kind of alert"));
    m_kind->addItem(tr("All kinds"));
    for (const auto kind :
         {watch::RuleKind::Distress, watch::RuleKind::Cpa, watch::RuleKind::AreaEnter,
          watch::RuleKind::AreaLeave, watch::RuleKind::AreaDwell, watch::RuleKind::ListedHeard,
          watch::RuleKind::Dark, watch::RuleKind::NotAuthorised}) {
        m_kind->addItem(watch::toString(kind), static_cast<int>(kind));
    }
    auto* ack = new QPushButton(tr("&Acknowledge"), body);
    ack->setAccessibleName(tr("Acknowledge the selected alert"));
    auto* snooze = new QPushButton(tr("&Snooze 1 h"), body);
    snooze->setAccessibleName(tr("Snooze this vessel's alerts of this rule for an hour"));
    auto* exportCsvButton = new QPushButton(tr("Export CSV…"), body);
    exportCsvButton->setAccessibleName(tr("Export the alerts shown as CSV"));
    bar->addWidget(m_openOnly);
    bar->addWidget(m_kind);
    bar->addStretch(1);
    bar->addWidget(ack);
    bar->addWidget(snooze);
    bar->addWidget(exportCsvButton);
    layout->addLayout(bar);
    m_table = new QTableWidget(body);
    m_table->setAccessibleName(tr("Alerts"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Time (UTC)"), tr("Rule"), tr("Alert"), tr("Position"), tr("Acknowledged")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    m_dock->setWidget(body);
    m_dock->setProperty("tabifyWith", QStringLiteral("eventsDock"));
    m_shell.addDock(m_dock, Qt::BottomDockWidgetArea);

    connect(m_openOnly, &QCheckBox::toggled, this, &AlertsFeature::reload);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AlertsFeature::reload);
    connect(ack, &QPushButton::clicked, this, &AlertsFeature::acknowledgeSelected);
    connect(snooze, &QPushButton::clicked, this, [this] {
        if (const watch::Alert* a = selectedAlert()) {
            if (Status s = snoozeFor(*a, kSnoozeMinutes); !s) {
                m_shell.showError(tr("Cannot snooze"), s.error());
            }
        }
    });
    connect(exportCsvButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            m_shell.window(), tr("Export alerts"), QStringLiteral("alerts.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty()) {
            if (Status s = exportCsv(path); !s) {
                m_shell.showError(tr("Cannot export the alerts"), s.error());
            }
        }
    });
    auto* ackKey = new QAction(m_table);
    ackKey->setShortcut(QKeySequence(Qt::Key_Space));
    ackKey->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(ackKey);
    connect(ackKey, &QAction::triggered, this, &AlertsFeature::acknowledgeSelected);
    // A click selects its vessel.
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row >= 0 && row < static_cast<int>(m_shown.size()) && m_shown[row].vesselId != 0) {
            m_shell.selection().select(m_shown[row].vesselId, true);
        }
    });
}

void AlertsFeature::reload()
{
    store::AlertFilter filter;
    filter.unacknowledgedOnly = m_openOnly->isChecked();
    if (m_kind->currentIndex() > 0) {
        filter.kind = static_cast<watch::RuleKind>(m_kind->currentData().toInt());
    }
    filter.limit = 5'000;
    store::Database& db = m_shell.session().db();
    // Acknowledged before the live thread committed them: into the store
    // now, as far as they are there.
    for (const watch::Alert& p : m_pending) {
        if (p.acknowledgedUtcMs) {
            (void)db.acknowledgeAlert(p.id, p.acknowledgedBy, *p.acknowledgedUtcMs);
        }
    }
    auto alerts = db.alerts(filter);
    auto count = db.unacknowledgedAlertCount();
    store::AlertFilter distress;
    distress.kind = watch::RuleKind::Distress;
    distress.unacknowledgedOnly = true;
    auto open = db.alerts(distress);
    if (!alerts || !count || !open) {
        m_count->setText(tr("Alerts cannot be read"));
        return;
    }
    m_shown = std::move(alerts).value();
    m_unacknowledged = *count;
    m_openDistress.clear();
    for (watch::Alert& a : *open) {
        if (!a.test) {
            m_openDistress.push_back(std::move(a));
        }
    }
    // Alerts the live thread kept but has not committed yet (it commits
    // once a second): shown now, read from the store once they are there.
    store::AlertFilter newest;
    newest.limit = 200;
    if (auto recent = db.alerts(newest); recent && !m_pending.empty()) {
        std::erase_if(m_pending, [&](const watch::Alert& p) {
            return std::any_of(recent->begin(), recent->end(),
                               [&](const watch::Alert& a) { return a.id >= p.id; });
        });
    }
    for (const watch::Alert& p : m_pending) {
        if ((!filter.kind || *filter.kind == p.kind) &&
            !(filter.unacknowledgedOnly && p.isAcknowledged())) {
            m_shown.insert(m_shown.begin(), p);
        }
        if (!p.isAcknowledged()) {
            ++m_unacknowledged;
            if (p.isDistress()) {
                m_openDistress.insert(m_openDistress.begin(), p);
            }
        }
    }
    m_table->setRowCount(static_cast<int>(m_shown.size()));
    for (int row = 0; row < static_cast<int>(m_shown.size()); ++row) {
        const watch::Alert& a = m_shown[static_cast<std::size_t>(row)];
        const QStringList cells{exporting::isoUtc(a.timeUtcMs), a.rule, a.text(), positionText(a),
                                acknowledgedText(a)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (a.isDistress() && !a.isAcknowledged()) {
                item->setForeground(QColor(0xd5, 0x5e, 0x00));
            }
            m_table->setItem(row, c, item);
        }
    }
    m_count->setText(m_unacknowledged > 0 ? tr("%n alert(s) to acknowledge", nullptr,
                                               static_cast<int>(m_unacknowledged))
                                          : QString());
    if (!m_openDistress.empty()) {
        QStringList lines;
        for (const watch::Alert& a : m_openDistress) {
            lines << QStringLiteral("%1 at %2").arg(a.text(), exporting::isoUtc(a.timeUtcMs));
        }
        m_bannerText->setText(lines.join(QLatin1Char('\n')));
        placeBanner();
        m_banner->show();
        m_banner->raise();
    } else {
        m_banner->hide();
    }
}

int AlertsFeature::shownRows() const
{
    return m_table->rowCount();
}

bool AlertsFeature::distressShown() const
{
    return !m_banner->isHidden();
}

void AlertsFeature::onAlert(const watch::Alert& alert)
{
    if (!alert.snoozed) {
        m_notifier.notify(alert.isDistress() ? tr("Distress") : watch::toString(alert.kind),
                          alert.text(), alert.isDistress());
        if (QSettings().value(QStringLiteral("watch/sound"), false).toBool()) {
            QApplication::beep();
        }
    }
    m_shell.statusBar()->showMessage(alert.text(), 10000);
    if (alert.id != 0) {
        m_pending.push_back(alert);
    }
    // The log is read at once, then at most twice a second however many
    // alerts come (a busy area raises hundreds), and again while some wait
    // for the live thread's commit. Distress is shown at once, always.
    if (m_reloadTimer.isActive() && !alert.isDistress()) {
        m_reloadDue = true;
        return;
    }
    reload();
    m_reloadTimer.start();
}

void AlertsFeature::onReloadTimer()
{
    if (m_reloadDue || !m_pending.empty()) {
        m_reloadDue = false;
        reload();
        m_reloadTimer.start();
    }
}

const watch::Alert* AlertsFeature::selectedAlert() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < static_cast<int>(m_shown.size())
               ? &m_shown[static_cast<std::size_t>(row)]
               : nullptr;
}

Status AlertsFeature::acknowledge(std::int64_t alertId)
{
    const QString by = investigate::defaultAuthor();
    const std::int64_t at = QDateTime::currentMSecsSinceEpoch();
    auto done = m_shell.session().db().acknowledgeAlert(alertId, by, at);
    if (!done) {
        return done.error();
    }
    if (!*done) {
        // Not in the store yet (the live thread commits once a second): kept
        // with the alert and written once it is there.
        for (watch::Alert& p : m_pending) {
            if (p.id == alertId && !p.isAcknowledged()) {
                p.acknowledgedBy = by;
                p.acknowledgedUtcMs = at;
            }
        }
    }
    reload();
    return {};
}

void AlertsFeature::acknowledgeSelected()
{
    if (const watch::Alert* a = selectedAlert()) {
        if (Status s = acknowledge(a->id); !s) {
            m_shell.showError(tr("Cannot acknowledge"), s.error());
        }
    }
}

void AlertsFeature::acknowledgeDistress()
{
    const std::vector<watch::Alert> open = m_openDistress;
    for (const watch::Alert& a : open) {
        if (Status s = acknowledge(a.id); !s) {
            m_shell.showError(tr("Cannot acknowledge"), s.error());
            return;
        }
    }
}

Status AlertsFeature::snoozeFor(const watch::Alert& alert, int minutes)
{
    const std::int64_t until =
        QDateTime::currentMSecsSinceEpoch() + static_cast<std::int64_t>(minutes) * 60'000;
    if (Status s = m_shell.session().db().snoozeAlerts(alert.mmsi, alert.rule, until,
                                                       investigate::defaultAuthor());
        !s) {
        return s;
    }
    m_shell.statusBar()->showMessage(tr("%1 for MMSI %2 snoozed until %3 UTC")
                                         .arg(alert.rule)
                                         .arg(alert.mmsi)
                                         .arg(exporting::isoUtc(until)),
                                     8000);
    return {};
}

Status AlertsFeature::exportCsv(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    QString text = QStringLiteral(
        "id,time_utc,kind,rule,mmsi,vessel_id,lat,lon,alert,cpa_nm,tcpa_min,acknowledged_by,"
        "acknowledged_utc,snoozed\n");
    for (const watch::Alert& a : m_shown) {
        const QStringList row{QString::number(a.id),
                              exporting::isoUtc(a.timeUtcMs),
                              watch::toString(a.kind),
                              csvField(a.rule),
                              QString::number(a.mmsi),
                              a.vesselId != 0 ? QString::number(a.vesselId) : QString(),
                              a.position ? QString::number(a.position->latDeg, 'f', 7) : QString(),
                              a.position ? QString::number(a.position->lonDeg, 'f', 7) : QString(),
                              csvField(a.text()),
                              a.cpaNm ? QString::number(*a.cpaNm, 'f', 3) : QString(),
                              a.tcpaMinutes ? QString::number(*a.tcpaMinutes, 'f', 2) : QString(),
                              csvField(a.acknowledgedBy),
                              a.acknowledgedUtcMs ? exporting::isoUtc(*a.acknowledgedUtcMs)
                                                  : QString(),
                              a.snoozed ? QStringLiteral("yes") : QString()};
        text += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    return {};
}

void AlertsFeature::placeBanner()
{
    QWidget* map = m_shell.map();
    const int margin = 8;
    const int width = std::max(
        std::min(map->width() - 2 * margin, 80 * map->fontMetrics().averageCharWidth()), 100);
    m_banner->setFixedWidth(width);
    // As tall as the wrapped text needs: every distress line shows whole.
    m_banner->setFixedHeight(m_banner->layout()->totalHeightForWidth(width));
    m_banner->move((map->width() - m_banner->width()) / 2, margin);
}

bool AlertsFeature::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_shell.map() && event->type() == QEvent::Resize && !m_banner->isHidden()) {
        placeBanner();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wake::ui
