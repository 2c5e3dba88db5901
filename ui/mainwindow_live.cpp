// The Live menu, the live status in the status bar, and the live picture:
// while following, the map draws the live targets and the timeline ends at
// now; scrubbing back replays what the store recorded; Go live returns.

#include "core/reference/flag_states.h"
#include "ui/live/live_controller.h"
#include "ui/live/sources_dialog.h"
#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/map/traffic_loader.h"
#include "ui/panels/vessel_details_html.h"
#include "ui/panels/vessel_list_model.h"
#include "ui/panels/vessel_state_panel.h"
#include "ui/replay/replay_controller.h"
#include "ui/replay/timeline_widget.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QScrollBar>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace wake::ui {

namespace {

// The timeline while live: the last half hour up to now.
constexpr std::int64_t kLiveWindowMs = 30 * 60 * 1000;
// Scrubbed further back than this from now, the window stops following.
constexpr std::int64_t kFollowSlackMs = 5000;
// In the past, a vessel is drawn where it last reported up to this long before.
constexpr std::int64_t kTrafficMaxAgeMs = 10 * 60 * 1000;

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

void MainWindow::buildLiveMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Live"));
    QAction* sources = menu->addAction(tr("&Sources..."), this, &MainWindow::showLiveSources);
    sources->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    sources->setStatusTip(tr("Receivers and feeds to track live, with their state"));
    QAction* goLiveAction = menu->addAction(tr("&Go live"), this, &MainWindow::goLive);
    goLiveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goLiveAction->setStatusTip(tr("Follow now: the timeline ends at the present moment"));
    m_liveLabel = new QLabel(this);
    m_liveLabel->setObjectName(QStringLiteral("liveStatus"));
    statusBar()->addPermanentWidget(m_liveLabel);
    // Sources set up at a former start on this database receive again, and
    // the window opens on the live picture (the scenario is a click away in
    // the list). Sources saved with another database stay off: they would
    // write live AIS into this one.
    if (!LiveController::savedSources().empty()) {
        if (LiveController::sourcesSavedFor(m_db.target())) {
            ensureLive();
            // After the constructor has shown the default vessel.
            QTimer::singleShot(0, this, &MainWindow::goLive);
        } else {
            statusBar()->showMessage(
                tr("Live sources were set up with another database and are not started here: "
                   "Live → Go live receives into this one"),
                15000);
        }
    }
}

LiveController& MainWindow::ensureLive()
{
    if (!m_live) {
        m_live =
            std::make_unique<LiveController>(m_db.target(), LiveController::defaultRecordFolder());
        connect(m_live.get(), &LiveController::snapshotReady, this,
                [this](const std::shared_ptr<const LiveSnapshot>& s) { onLiveSnapshot(s); });
        connect(m_live.get(), &LiveController::error, this,
                [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    }
    return *m_live;
}

void MainWindow::restartLive()
{
    if (!m_live) {
        return;
    }
    m_live.reset(); // stops and commits into the old database
    m_liveVesselsSeen = -1;
    ensureLive();
}

void MainWindow::showLiveSources()
{
    SourcesDialog dialog(ensureLive(), this);
    dialog.exec();
}

void MainWindow::goLive()
{
    ensureLive();
    m_liveFollowing = true;
    if (const auto latest = m_live->latest()) {
        onLiveSnapshot(latest);
    } else {
        const std::int64_t now = nowMs();
        m_settingLiveTime = true;
        m_replay->setReplay(now - kLiveWindowMs, now, {});
        m_timeline->setSpan(now - kLiveWindowMs, now, {});
        m_replay->seek(now);
        m_settingLiveTime = false;
    }
}

void MainWindow::onLiveSnapshot(const std::shared_ptr<const LiveSnapshot>& snapshot)
{
    int live = 0;
    double rate = 0.0;
    for (const live::SourceStatus& s : snapshot->sources) {
        live += s.state == live::SourceState::Live ? 1 : 0;
        rate += s.messagesPerSecond;
    }
    const live::TargetTable states;
    const auto heard = std::count_if(
        snapshot->targets.begin(), snapshot->targets.end(), [&](const live::LiveTarget& t) {
            return states.stateAt(t, snapshot->nowUtcMs) != live::TargetState::Lost;
        });
    const QLocale locale;
    m_liveLabel->setText(tr("Live: %1 of %2 sources, %3 targets, %4 msg/s%5")
                             .arg(live)
                             .arg(snapshot->sources.size())
                             .arg(locale.toString(static_cast<qlonglong>(heard)))
                             .arg(rate, 0, 'f', 0)
                             .arg(m_liveFollowing ? tr(", following now") : QString()));
    m_liveLabel->setToolTip(tr("Recording to %1").arg(snapshot->recordFolder));
    refreshLiveVessels();
    if (!m_liveFollowing) {
        return;
    }
    std::vector<TrafficTarget> traffic;
    traffic.reserve(snapshot->targets.size());
    for (const live::LiveTarget& t : snapshot->targets) {
        const live::TargetState state = states.stateAt(t, snapshot->nowUtcMs);
        if (state == live::TargetState::Lost || t.vesselId == 0) {
            continue;
        }
        TrafficTarget out;
        out.vesselId = t.vesselId;
        out.latDeg = t.latDeg;
        out.lonDeg = t.lonDeg;
        out.courseDeg = t.headingDeg ? std::optional<double>(*t.headingDeg) : t.cogDeg;
        out.aisShipType = t.shipType;
        out.name = t.name;
        out.mmsi = t.mmsi;
        out.stale = state == live::TargetState::Stale;
        traffic.push_back(std::move(out));
    }
    m_map->renderer().setTraffic(std::move(traffic));
    const std::int64_t now = snapshot->nowUtcMs;
    // The selected vessel's state comes from its last live report: its
    // stored track was read at selection and ends before now.
    std::optional<model::TrackPoint> liveFix;
    for (const live::LiveTarget& t : snapshot->targets) {
        if (m_selected && t.vesselId == *m_selected && t.hasPosition) {
            model::TrackPoint fix;
            fix.vesselId = t.vesselId;
            fix.timeUtcMs = t.lastHeardUtcMs;
            fix.latDeg = t.latDeg;
            fix.lonDeg = t.lonDeg;
            if (t.sogKnots) {
                fix.sogKnots = static_cast<float>(*t.sogKnots);
            }
            if (t.cogDeg) {
                fix.cogDeg = static_cast<float>(*t.cogDeg);
            }
            if (t.headingDeg) {
                fix.headingDeg = static_cast<std::int16_t>(*t.headingDeg);
            }
            if (t.navStatus) {
                fix.navStatus = static_cast<std::uint8_t>(*t.navStatus);
            }
            liveFix = fix;
            break;
        }
    }
    m_statePanel->setLiveFix(liveFix);
    m_settingLiveTime = true;
    m_replay->setReplay(now - kLiveWindowMs, now, {});
    m_timeline->setSpan(now - kLiveWindowMs, now, {});
    m_replay->seek(now);
    m_settingLiveTime = false;
    m_map->update();
    // The details follow the selected vessel while it is heard.
    if (m_selected && now - m_lastDetailsRefreshMs > 5000) {
        for (const live::LiveTarget& t : snapshot->targets) {
            if (t.vesselId == *m_selected && t.lastHeardUtcMs > m_lastDetailsRefreshMs) {
                m_lastDetailsRefreshMs = now;
                refreshLiveDetails(*m_selected);
                break;
            }
        }
    }
}

bool MainWindow::isLiveTarget(model::VesselId id) const
{
    const auto latest = m_live ? m_live->latest() : nullptr;
    return latest && std::any_of(latest->targets.begin(), latest->targets.end(),
                                 [&](const live::LiveTarget& t) { return t.vesselId == id; });
}

void MainWindow::refreshLiveDetails(model::VesselId id)
{
    auto vessel = m_db.vessel(id);
    if (!vessel || !vessel->has_value()) {
        return;
    }
    const int scroll = m_details->verticalScrollBar()->value();
    m_details->setHtml(vesselDetailsHtml(**vessel, {}, m_flags.get()) +
                       voyagesTableHtml(m_voyages));
    m_details->verticalScrollBar()->setValue(scroll);
}

void MainWindow::refreshLiveVessels()
{
    const auto latest = m_live ? m_live->latest() : nullptr;
    if (!latest) {
        return;
    }
    // New vessels join the list at most every two seconds (a list of tens of
    // thousands is read again each time); names that arrived update their rows.
    const std::int64_t created = latest->counts.vesselsCreated;
    const std::int64_t now = nowMs();
    if (created == m_liveVesselsSeen || now - m_lastVesselRefreshMs < 2000) {
        return;
    }
    auto vessels = m_db.listVessels();
    if (!vessels) {
        return;
    }
    m_liveVesselsSeen = created;
    m_lastVesselRefreshMs = now;
    m_vesselModel->mergeVessels(std::move(vessels).value());
    if (m_trafficLoader) {
        m_trafficLoader->vesselsChanged();
    }
    m_vesselCount->setText(tr("%n vessel(s)", nullptr, m_vesselModel->rowCount()));
}

void MainWindow::onLiveReplayTime(std::int64_t timeUtcMs)
{
    if (m_settingLiveTime) {
        return;
    }
    if (m_liveFollowing && timeUtcMs < nowMs() - kFollowSlackMs) {
        m_liveFollowing = false; // the user went back in time
    }
    if (m_liveFollowing || !m_trafficLoader) {
        return;
    }
    // Everyone else at that moment, from the store, off this thread.
    m_trafficLoader->request(timeUtcMs,
                             m_live ? kTrafficMaxAgeMs : TrafficLoader::kDefaultMaxAgeMs);
}

void MainWindow::startTrafficLoader()
{
    m_trafficLoader = std::make_unique<TrafficLoader>(m_db.target());
    connect(
        m_trafficLoader.get(), &TrafficLoader::loaded, this,
        [this](qint64 timeUtcMs, const std::shared_ptr<const std::vector<TrafficTarget>>& traffic) {
            onTrafficLoaded(timeUtcMs, traffic);
        });
}

void MainWindow::onTrafficLoaded(std::int64_t timeUtcMs,
                                 const std::shared_ptr<const std::vector<TrafficTarget>>& traffic)
{
    if (m_liveFollowing || timeUtcMs != m_replay->time()) {
        return; // an answer the replay has moved past
    }
    // The scene draws its own vessels (the selected one among them), sampled exactly.
    std::unordered_set<model::VesselId> inScene;
    for (const MapTrack& t : m_map->renderer().scene().tracks) {
        inScene.insert(t.vesselId);
    }
    std::vector<TrafficTarget> others;
    others.reserve(traffic->size());
    for (const TrafficTarget& t : *traffic) {
        if (!inScene.contains(t.vesselId)) {
            others.push_back(t);
        }
    }
    m_map->renderer().setTraffic(std::move(others));
    m_map->update();
}

} // namespace wake::ui
