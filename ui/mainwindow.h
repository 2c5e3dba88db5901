#pragma once

// The main window: vessel list, vessel details and events around the centre.
// It owns the database for the session.

#include "core/analysis/rules.h"
#include "core/export/export_format.h"
#include "core/model/event.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/model/voyage.h"
#include "core/store/database.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QFileDialog;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QToolButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace wake::reference {
class FlagStates;
class PortIndex;
} // namespace wake::reference

namespace wake::ui {

class EventCard;
class ImportJob;
class AnalysisJob;
class SpeedChart;
class VesselStatePanel;
class EventsModel;
class MapWidget;
class MapRenderer;
class MapViewport;
class ReplayController;
class TimelineWidget;
class VesselListModel;
class LiveController;
class TrafficLoader;
struct TrafficTarget;
struct LiveSnapshot;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(store::Database database, QWidget* parent = nullptr);
    ~MainWindow() override;

    void selectVessel(model::VesselId id);
    std::optional<model::VesselId> selectedVessel() const { return m_selected; }

    // For tests and the status bar.
    QTableView* vesselView() const { return m_vesselView; }
    QTableView* eventsView() const { return m_eventsView; }
    QComboBox* eventKindFilter() const { return m_eventKindFilter; }
    QTextBrowser* detailsView() const { return m_details; }
    MapWidget* mapView() const { return m_map; }
    ReplayController* replay() const { return m_replay; }
    TimelineWidget* timeline() const { return m_timeline; }
    EventCard* eventCard() const { return m_card; }
    QLabel* banner() const { return m_banner; }
    QLabel* replayClock() const { return m_clock; }
    QComboBox* rangeChooser() const { return m_range; }
    QLabel* cursorLabel() const { return m_cursorLabel; }
    VesselStatePanel* statePanel() const { return m_statePanel; }
    QLabel* voyageSummary() const { return m_voyageSummary; }
    SpeedChart* speedChart() const { return m_speedChart; }
    QLabel* databaseLabel() const { return m_databaseLabel; }
    // Frames the selected vessel's default voyage on the map.
    void fitVoyage();
    // File > Import...: asks for files, then imports them on a worker thread
    // with a progress dialog. importFiles skips the file dialog (tests).
    void chooseFilesToImport();
    // File > Open database...: opens (or creates) another database file.
    // On failure the message says why and the current one stays open.
    void chooseDatabase();
    // File → Open database's dialog (not yet shown; the caller owns it).
    QFileDialog* makeDatabaseDialog();
    void connectToServer(); // File → Connect to server...
    // File menu: sharing (mainwindow_share.cpp).
    void exportTrack();
    void saveMapImage();
    void exportReplayVideo();
    // What those do once a file is chosen: the selected vessel's whole track
    // (points and events written), and the map as shown, scaled to a size.
    Result<std::pair<std::size_t, std::size_t>> exportTrackTo(const QString& path,
                                                              exporting::ExportFormat format);
    Status saveMapImageTo(const QString& path, QSize size) const;
    bool openDatabase(const QString& path);
    // View > Theme: "system", "light" or "dark"; saved for the next start.
    void setTheme(const QString& theme);
    // The text Copy sources puts on the clipboard for an event.
    QString eventSourcesText(model::EventId id);
    void importFiles(const QStringList& files);
    // Finds events in every vessel with these rules on a worker thread, then
    // lists what would change and keeps it when the user says so.
    void runAnalysis(const analysis::AnalysisRules& rules);
    bool isImporting() const;
    // Live menu (mainwindow_live.cpp). The controller exists once a source
    // was set up (now or at a former start).
    LiveController* live() const { return m_live.get(); }
    LiveController& ensureLive();
    void showLiveSources();
    // The timeline follows now and the map draws the live targets.
    void goLive();
    bool isFollowingLive() const { return m_liveFollowing; }
    QLabel* liveLabel() const { return m_liveLabel; }

Q_SIGNALS:
    void vesselSelected(qint64 vesselId);
    void importFinished(const QString& summary, bool failed, bool cancelled);
    void analysisShown(); // the changes of a finished analysis are on screen
    void analysisKept();

protected:
    // Saves the window's geometry and dock layout for the next start.
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildReplayBar();
    void buildReplayMenu();
    void fitOnScreen();
    void applyRange(int index);
    void clearReplayPanels();
    void applySpeed();
    void onReplayTime(std::int64_t timeUtcMs);
    void showBanner(const QList<qint64>& eventIds);
    void openEventCard(model::EventId id);
    const model::Event* eventById(model::EventId id) const;
    void selectEventRow(model::EventId id);
    // The events panel shows m_events of the kind chosen above it.
    void showFilteredEvents();
    // Analysis menu (mainwindow_analysis.cpp).
    void buildAnalysisMenu();
    void editAnalysisRules();
    bool isAnalysing() const;
    void onAnalysisFinished(const QString& error, bool cancelled);
    // Moves the replay to the event (the whole track when it lies outside
    // the voyage shown) and the map to its place.
    void goToEvent(model::EventId id);
    // The selected vessel's track, as the map holds it.
    const std::vector<model::TrackPoint>& selectedTrack() const;
    void buildMenus();
    void buildLiveMenu();
    void onLiveSnapshot(const std::shared_ptr<const LiveSnapshot>& snapshot);
    // While live, a replay time in the past draws the traffic the store had then.
    void onLiveReplayTime(std::int64_t timeUtcMs);
    void onTrafficLoaded(std::int64_t timeUtcMs,
                         const std::shared_ptr<const std::vector<TrafficTarget>>& traffic);
    // The store's traffic at the replay time (map/traffic_loader.h), per database.
    void startTrafficLoader();
    void refreshLiveVessels();
    bool isLiveTarget(model::VesselId id) const;
    // The details text again (a name heard live), without moving the map.
    void refreshLiveDetails(model::VesselId id);
    void restartLive();
    void reloadVessels();
    void showVessel(model::VesselId id);
    void showError(const QString& what, const Error& error);
    void showAbout();
    MapViewport viewportForSize(QSize size) const;
    std::unique_ptr<MapRenderer> rendererForExport() const;

    void onImportFinished(const QString& summary, bool failed, bool cancelled);
    void showEventMenu(const QModelIndex& index, const QPoint& at);

    store::Database m_db;
    std::unique_ptr<ImportJob> m_import;
    std::unique_ptr<AnalysisJob> m_analysis;
    QProgressDialog* m_importProgress = nullptr;
    std::unique_ptr<reference::FlagStates> m_flags;
    std::unique_ptr<reference::PortIndex> m_ports;
    MapWidget* m_map = nullptr;
    VesselListModel* m_vesselModel = nullptr;
    QSortFilterProxyModel* m_vesselProxy = nullptr;
    QTableView* m_vesselView = nullptr;
    QLineEdit* m_vesselFilter = nullptr;
    QLabel* m_vesselCount = nullptr;
    QTextBrowser* m_details = nullptr;
    VesselStatePanel* m_statePanel = nullptr;
    QLabel* m_voyageSummary = nullptr;
    SpeedChart* m_speedChart = nullptr;
    QLabel* m_cursorLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    EventsModel* m_eventsModel = nullptr;
    QTableView* m_eventsView = nullptr;
    std::optional<model::VesselId> m_selected;

    // Replay
    ReplayController* m_replay = nullptr;
    TimelineWidget* m_timeline = nullptr;
    QToolButton* m_playButton = nullptr;
    QLabel* m_clock = nullptr;
    QComboBox* m_speed = nullptr;
    QComboBox* m_range = nullptr;
    QComboBox* m_eventKindFilter = nullptr;
    QLabel* m_banner = nullptr;
    EventCard* m_card = nullptr;
    QAction* m_followAction = nullptr;
    std::vector<model::Event> m_events;
    std::vector<model::Voyage> m_voyages;
    std::vector<model::VesselFact> m_facts;

    // Live
    std::unique_ptr<LiveController> m_live;
    std::unique_ptr<TrafficLoader> m_trafficLoader;
    QLabel* m_liveLabel = nullptr;
    bool m_selectingEventRow = false; // the replay, not the user, is choosing a row
    bool m_liveFollowing = false;
    bool m_settingLiveTime = false;
    std::int64_t m_liveVesselsSeen = -1;
    std::int64_t m_lastVesselRefreshMs = 0;
    std::int64_t m_lastDetailsRefreshMs = 0;
};

} // namespace wake::ui
