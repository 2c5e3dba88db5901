#include "ui/live/live_feature.h"

#include "ui/live/live_controller.h"
#include "ui/live/sources_dialog.h"
#include "ui/map/map_widget.h"
#include "ui/map/traffic_loader.h"
#include "ui/panels/details_feature.h"
#include "ui/panels/vessels_feature.h"
#include "ui/replay/replay_controller.h"
#include "ui/replay/replay_feature.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"
#include "ui/watch/rules_editor.h"

#include <QActionGroup>
#include <QDateTime>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <unordered_set>
#include <utility>

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

LiveFeature::LiveFeature(Shell& shell, ReplayFeature& replay, VesselsFeature& vessels,
                         DetailsFeature& details)
    : QObject(shell.window()), m_shell(shell), m_replay(replay), m_vessels(vessels),
      m_details(details)
{
    QMenu* menu = shell.menu(MenuId::Live);
    QAction* sources = menu->addAction(tr("&Sources..."), this, &LiveFeature::showSources);
    sources->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    sources->setStatusTip(tr("Receivers and feeds to track live, with their state"));
    QAction* goLiveAction = menu->addAction(tr("&Go live"), this, &LiveFeature::goLive);
    goLiveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goLiveAction->setStatusTip(tr("Follow now: the timeline ends at the present moment"));
    menu->addSeparator();
    addPictureMenus(menu);
    menu->addSeparator();
    QAction* rules = menu->addAction(tr("&Watch with rules..."), this, &LiveFeature::chooseRules);
    rules->setStatusTip(tr("Alerts on areas, lists, dark ships and CPA from a rules file; "
                           "distress is always watched"));
    menu->addAction(tr("&Edit watch rules..."), this, &LiveFeature::editRules);
    menu->addAction(tr("Stop &watching"), this, [this] {
        QSettings().remove(QStringLiteral("watch/rules"));
        if (m_live) {
            m_live->setWatchRules({});
        }
    });
    m_status = new QLabel(shell.window());
    m_status->setObjectName(QStringLiteral("liveStatus"));
    m_status->setAccessibleName(tr("Live reception"));
    shell.statusBar()->addPermanentWidget(m_status);
    connect(&replay, &ReplayFeature::timeChanged, this, [this](qint64 t) { onReplayTime(t); });
    // A vessel chosen while following that is heard live keeps the window
    // live; another one replays its past.
    connect(&shell.selection(), &SelectedVessel::choosing, this,
            [this] { m_followingWhenChosen = m_following; });
    connect(&shell.selection(), &SelectedVessel::vesselChanged, this,
            [this](const std::shared_ptr<const VesselSelection>& s) {
                if (std::exchange(m_goLiveWhenShown, false) ||
                    (m_followingWhenChosen && isLiveTarget(s->vessel.id))) {
                    goLive();
                }
                m_followingWhenChosen = false;
            });
    connect(&shell.selection(), &SelectedVessel::cleared, this, [this] {
        if (std::exchange(m_goLiveWhenShown, false)) {
            goLive();
        }
    });
    // Vessels added or renamed: the traffic picture reads their names again.
    connect(&shell.session(), &Session::storeChanged, this, [this] {
        if (m_trafficLoader) {
            m_trafficLoader->vesselsChanged();
        }
    });
    // Live reception and the traffic picture follow the database.
    connect(&shell.session(), &Session::databaseChanged, this, [this] {
        restartLive();
        startTrafficLoader();
    });
    startTrafficLoader();
    // Sources set up at a former start on this database receive again, and
    // the window opens on the live picture (the scenario is a click away in
    // the list). Sources saved with another database stay off: they would
    // write live AIS into this one.
    if (!LiveController::savedSources().empty()) {
        if (LiveController::sourcesSavedFor(shell.session().db().target())) {
            ensureLive();
            // Once the window has shown the default vessel (read off the GUI
            // thread): its replay would otherwise take the time back from now.
            m_goLiveWhenShown = true;
        } else {
            shell.statusBar()->showMessage(
                tr("Live sources were set up with another database and are not started here: "
                   "Live → Go live receives into this one"),
                15000);
        }
    }
}

LiveFeature::~LiveFeature() = default;

void LiveFeature::addPictureMenus(QMenu* menu)
{
    // Course vectors and range rings, kept for the next start.
    QSettings settings;
    LivePicture picture = m_shell.map()->renderer().livePicture();
    picture.vectorMinutes = settings.value(QStringLiteral("live/vectorMinutes"), 6).toInt();
    picture.ringSpacingNm = settings.value(QStringLiteral("live/ringSpacingNm"), 1.0).toDouble();
    m_shell.map()->renderer().setLivePicture(picture);
    // One choice of a few values, checked where it stands, kept and applied.
    auto choices = [this, menu](const QString& title, const QString& key,
                                const std::vector<std::pair<double, QString>>& values,
                                double current, void (*apply)(LivePicture&, double)) {
        QMenu* sub = menu->addMenu(title);
        auto* group = new QActionGroup(sub);
        for (const auto& choice : values) {
            const double value = choice.first;
            QAction* a = sub->addAction(choice.second);
            a->setCheckable(true);
            a->setChecked(value == current);
            group->addAction(a);
            connect(a, &QAction::triggered, this, [this, key, value, apply] {
                QSettings().setValue(key, value);
                LivePicture p = m_shell.map()->renderer().livePicture();
                apply(p, value);
                m_shell.map()->renderer().setLivePicture(p);
                m_shell.map()->update();
            });
        }
    };
    std::vector<std::pair<double, QString>> minutes{{0, tr("None")}};
    for (const int m : {3, 6, 12, 30}) {
        minutes.emplace_back(m, tr("%1 minutes").arg(m));
    }
    choices(tr("Course &vectors"), QStringLiteral("live/vectorMinutes"), minutes,
            picture.vectorMinutes,
            [](LivePicture& p, double v) { p.vectorMinutes = static_cast<int>(v); });
    std::vector<std::pair<double, QString>> spacing{{0, tr("None")}};
    for (const double nm : {0.5, 1.0, 2.0, 5.0}) {
        spacing.emplace_back(nm, tr("Every %1 nm").arg(nm));
    }
    choices(tr("&Range rings"), QStringLiteral("live/ringSpacingNm"), spacing,
            picture.ringSpacingNm, [](LivePicture& p, double v) { p.ringSpacingNm = v; });
}

void LiveFeature::chooseRules()
{
    const QString path = QFileDialog::getOpenFileName(
        m_shell.window(), tr("Watch with rules"),
        QSettings().value(QStringLiteral("watch/rules")).toString(), tr("Rules (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    setWatchRules(path);
}

void LiveFeature::editRules()
{
    QString path = QSettings().value(QStringLiteral("watch/rules")).toString();
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(m_shell.window(), tr("New watch rules"),
                                            QStringLiteral("rules.json"), tr("Rules (*.json)"));
        if (path.isEmpty()) {
            return;
        }
    }
    auto areas = m_shell.session().db().areas();
    RulesEditor editor(path, areas ? std::move(areas).value() : std::vector<geo::Area>{},
                       m_shell.window());
    if (editor.exec() == QDialog::Accepted) {
        setWatchRules(path);
    }
}

void LiveFeature::setWatchRules(const QString& path)
{
    QSettings().setValue(QStringLiteral("watch/rules"), path);
    ensureLive().setWatchRules(path);
}

LiveController& LiveFeature::ensureLive()
{
    if (!m_live) {
        m_live = std::make_unique<LiveController>(m_shell.session().db().target(),
                                                  LiveController::defaultRecordFolder());
        connect(m_live.get(), &LiveController::snapshotReady, this,
                [this](const std::shared_ptr<const LiveSnapshot>& s) {
                    onSnapshot(s);
                    Q_EMIT snapshotReady(s);
                });
        connect(m_live.get(), &LiveController::error, this, [this](const QString& message) {
            m_shell.statusBar()->showMessage(message, 10000);
        });
        connect(m_live.get(), &LiveController::alertRaised, this, &LiveFeature::alertRaised);
        connect(m_live.get(), &LiveController::watching, this,
                [this](const QString& path, int count) {
                    m_shell.statusBar()->showMessage(
                        path.isEmpty() ? tr("Watching for distress only (Live → Watch with rules…)")
                                       : tr("Watching with %1 rules from %2").arg(count).arg(path),
                        10000);
                });
        // The rules last chosen watch again.
        const QString saved = QSettings().value(QStringLiteral("watch/rules")).toString();
        if (!saved.isEmpty()) {
            m_live->setWatchRules(saved);
        }
    }
    return *m_live;
}

void LiveFeature::restartLive()
{
    if (!m_live) {
        return;
    }
    m_live.reset(); // stops and commits into the old database
    m_vesselsSeen = -1;
    ensureLive();
}

void LiveFeature::showSources()
{
    SourcesDialog dialog(ensureLive(), m_shell.window());
    dialog.exec();
}

void LiveFeature::goLive()
{
    ensureLive();
    m_following = true;
    if (const auto latest = m_live->latest()) {
        onSnapshot(latest);
    } else {
        const std::int64_t now = nowMs();
        m_replay.setLiveSpan(now - kLiveWindowMs, now);
    }
}

void LiveFeature::onSnapshot(const std::shared_ptr<const LiveSnapshot>& snapshot)
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
    m_status->setText(tr("Live: %1 of %2 sources, %3 targets, %4 msg/s%5")
                          .arg(live)
                          .arg(snapshot->sources.size())
                          .arg(locale.toString(static_cast<qlonglong>(heard)))
                          .arg(rate, 0, 'f', 0)
                          .arg(m_following ? tr(", following now") : QString()));
    m_status->setToolTip(tr("Recording to %1").arg(snapshot->recordFolder));
    refreshVessels();
    if (!m_following) {
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
        out.cogDeg = t.cogDeg;
        out.sogKnots = t.sogKnots;
        out.aisShipType = t.shipType;
        out.name = t.name;
        out.mmsi = t.mmsi;
        out.stale = state == live::TargetState::Stale;
        traffic.push_back(std::move(out));
    }
    m_shell.map()->renderer().setTraffic(std::move(traffic));
    LivePicture picture = m_shell.map()->renderer().livePicture();
    picture.stations = snapshot->stations;
    picture.ownShip.reset();
    if (snapshot->ownShip) {
        picture.ownShip = model::LatLon{snapshot->ownShip->latDeg, snapshot->ownShip->lonDeg};
        picture.ownCogDeg = snapshot->ownShip->cogDeg;
        picture.ownSogKnots = snapshot->ownShip->sogKnots;
    }
    m_shell.map()->renderer().setLivePicture(picture);
    const std::int64_t now = snapshot->nowUtcMs;
    // The selected vessel's state comes from its last live report: its
    // stored track was read at selection and ends before now.
    const auto selected = m_shell.selection().id();
    std::optional<model::TrackPoint> liveFix;
    for (const live::LiveTarget& t : snapshot->targets) {
        if (selected && t.vesselId == *selected && t.hasPosition) {
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
    m_replay.setLiveFix(liveFix);
    m_replay.setLiveSpan(now - kLiveWindowMs, now);
    m_shell.map()->update();
    // The details follow the selected vessel while it is heard.
    if (selected && now - m_lastDetailsRefreshMs > 5000) {
        for (const live::LiveTarget& t : snapshot->targets) {
            if (t.vesselId == *selected && t.lastHeardUtcMs > m_lastDetailsRefreshMs) {
                m_lastDetailsRefreshMs = now;
                if (auto vessel = m_shell.session().db().vessel(*selected);
                    vessel && vessel->has_value()) {
                    m_details.showLiveIdentity(**vessel);
                }
                break;
            }
        }
    }
}

bool LiveFeature::isLiveTarget(model::VesselId id) const
{
    const auto latest = m_live ? m_live->latest() : nullptr;
    return latest && std::any_of(latest->targets.begin(), latest->targets.end(),
                                 [&](const live::LiveTarget& t) { return t.vesselId == id; });
}

void LiveFeature::refreshVessels()
{
    const auto latest = m_live ? m_live->latest() : nullptr;
    if (!latest) {
        return;
    }
    // New vessels join the list at most every two seconds (a list of tens of
    // thousands is read again each time); names that arrived update their rows.
    const std::int64_t created = latest->counts.vesselsCreated;
    const std::int64_t now = nowMs();
    if (created == m_vesselsSeen || now - m_lastVesselRefreshMs < 2000) {
        return;
    }
    auto vessels = m_shell.session().db().listVessels();
    if (!vessels) {
        return;
    }
    m_vesselsSeen = created;
    m_lastVesselRefreshMs = now;
    m_vessels.merge(std::move(vessels).value());
    if (m_trafficLoader) {
        m_trafficLoader->vesselsChanged();
    }
}

void LiveFeature::onReplayTime(std::int64_t timeUtcMs)
{
    if (m_replay.isSettingLiveSpan()) {
        return;
    }
    if (m_following && timeUtcMs < nowMs() - kFollowSlackMs) {
        m_following = false; // the user went back in time
    }
    if (m_following || !m_trafficLoader) {
        return;
    }
    // Everyone else at that moment, from the store, off this thread.
    m_trafficLoader->request(timeUtcMs,
                             m_live ? kTrafficMaxAgeMs : TrafficLoader::kDefaultMaxAgeMs);
}

void LiveFeature::startTrafficLoader()
{
    m_trafficLoader = std::make_unique<TrafficLoader>(m_shell.session().db().target());
    connect(
        m_trafficLoader.get(), &TrafficLoader::loaded, this,
        [this](qint64 timeUtcMs, const std::shared_ptr<const std::vector<TrafficTarget>>& traffic) {
            onTrafficLoaded(timeUtcMs, traffic);
        });
}

void LiveFeature::onTrafficLoaded(std::int64_t timeUtcMs,
                                  const std::shared_ptr<const std::vector<TrafficTarget>>& traffic)
{
    if (m_following || timeUtcMs != m_replay.controller()->time()) {
        return; // an answer the replay has moved past
    }
    // The scene draws its own vessels (the selected one among them), sampled exactly.
    std::unordered_set<model::VesselId> inScene;
    for (const MapTrack& t : m_shell.map()->renderer().scene().tracks) {
        inScene.insert(t.vesselId);
    }
    std::vector<TrafficTarget> others;
    others.reserve(traffic->size());
    for (const TrafficTarget& t : *traffic) {
        if (!inScene.contains(t.vesselId)) {
            others.push_back(t);
        }
    }
    m_shell.map()->renderer().setTraffic(std::move(others));
    m_shell.map()->update();
}

} // namespace wake::ui
