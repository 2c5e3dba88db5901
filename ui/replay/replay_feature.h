#pragma once

// The replay of the selected vessel: the bar under the map (controls, the
// clock, speed and what to replay, the timeline), the "At the replay time"
// dock (state, voyage summary, speed chart), the Replay menu and its keys,
// and what follows the replay time on the map. The span rules live in
// core/replay (replay_span.h).

#include "ui/shell/selection_panel.h"

#include <QObject>

#include <cstdint>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;
class QWidget;

namespace wake::ui {

class ReplayController;
class Shell;
class SpeedChart;
class TimelineWidget;
class VesselStatePanel;

class ReplayFeature : public QObject, public SelectionPanel
{
    Q_OBJECT
public:
    explicit ReplayFeature(Shell& shell);
    ~ReplayFeature() override;

    // The bar the window puts under the map.
    QWidget* bar() const { return m_bar; }
    ReplayController* controller() const { return m_replay; }

    void show(const VesselSelection& selection) override;
    void clear() override;

    // What to replay: a voyage of the selection (0 is the default) or the
    // whole track.
    void playVoyage(int index);
    void showWholeTrack();
    // Moves the replay to t, on the whole track when t lies outside.
    void goTo(std::int64_t timeUtcMs);
    // Frames what is replayed (F, Ctrl+0, a double-click in the list).
    void fitRange();
    // While live: the span ends at now and the time follows it.
    void setLiveSpan(std::int64_t fromUtcMs, std::int64_t toUtcMs);
    bool isSettingLiveSpan() const { return m_settingLiveSpan; }
    // The state panel's fix from a live report (none: from the track).
    void setLiveFix(std::optional<model::TrackPoint> fix);

Q_SIGNALS:
    void timeChanged(qint64 timeUtcMs);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateIcons();
    void buildBar();
    void buildStateDock();
    void buildMenu();
    void applyRange(int index);
    void clearPanels();
    void applySpeed();
    void onTime(std::int64_t timeUtcMs);

    Shell& m_shell;
    std::shared_ptr<const VesselSelection> m_selection;
    ReplayController* m_replay = nullptr;
    QWidget* m_bar = nullptr;
    TimelineWidget* m_timeline = nullptr;
    QToolButton* m_playButton = nullptr;
    QLabel* m_clock = nullptr;
    QComboBox* m_speed = nullptr;
    QComboBox* m_range = nullptr;
    VesselStatePanel* m_statePanel = nullptr;
    QLabel* m_voyageSummary = nullptr;
    SpeedChart* m_speedChart = nullptr;
    QAction* m_follow = nullptr;
    bool m_settingLiveSpan = false;
};

} // namespace wake::ui
