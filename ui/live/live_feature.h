#pragma once

// Live reception in the window: the Live menu (sources, go live), the live
// status on the status bar, and the traffic picture. While following, the
// map draws the live targets and the replay ends at now; scrubbing back
// replays what the store recorded (everyone at that moment, read off the
// GUI thread); Go live returns.

#include "core/model/vessel.h"
#include "core/watch/alert.h"

#include <QObject>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QMenu;

namespace wake::ui {

class DetailsFeature;
class LiveController;
class ReplayFeature;
class Shell;
class TrafficLoader;
class VesselsFeature;
struct LiveSnapshot;
struct TrafficTarget;

class LiveFeature : public QObject
{
    Q_OBJECT
public:
    LiveFeature(Shell& shell, ReplayFeature& replay, VesselsFeature& vessels,
                DetailsFeature& details);
    ~LiveFeature() override;

    // The controller exists once a source was set up (now or at a former
    // start with this database).
    LiveController* live() const { return m_live.get(); }
    LiveController& ensureLive();
    void showSources();
    // The timeline follows now and the map draws the live targets.
    void goLive();
    bool isFollowing() const { return m_following; }
    // Watches live reception with a rules file (kept for the next start).
    void setWatchRules(const QString& path);

Q_SIGNALS:
    void alertRaised(const wake::watch::Alert& alert);
    // Each snapshot of live reception (twice a second while receiving).
    void snapshotReady(const std::shared_ptr<const wake::ui::LiveSnapshot>& snapshot);

private:
    void chooseRules();
    void editRules();
    void addPictureMenus(QMenu* menu);
    void onSnapshot(const std::shared_ptr<const LiveSnapshot>& snapshot);
    void onReplayTime(std::int64_t timeUtcMs);
    void onTrafficLoaded(std::int64_t timeUtcMs,
                         const std::shared_ptr<const std::vector<TrafficTarget>>& traffic);
    void startTrafficLoader();
    void restartLive();
    void refreshVessels();
    bool isLiveTarget(model::VesselId id) const;

    Shell& m_shell;
    ReplayFeature& m_replay;
    VesselsFeature& m_vessels;
    DetailsFeature& m_details;
    std::unique_ptr<LiveController> m_live;
    std::unique_ptr<TrafficLoader> m_trafficLoader;
    QLabel* m_status = nullptr;
    bool m_following = false;
    bool m_followingWhenChosen = false;
    bool m_goLiveWhenShown = false;
    std::int64_t m_vesselsSeen = -1;
    std::int64_t m_lastVesselRefreshMs = 0;
    std::int64_t m_lastDetailsRefreshMs = 0;
};

} // namespace wake::ui
