#pragma once

// The main window is a shell: it makes the session, the selection and the
// map, lets each feature bring its docks and actions, places them, and
// keeps the window's geometry. Nothing of a feature lives here.

#include "core/store/database.h"
#include "ui/shell/shell.h"

#include <QMainWindow>

#include <map>
#include <memory>
#include <utility>
#include <vector>

class QLabel;

namespace wake::ui {

class AnalysisFeature;
class AlertsFeature;
class TargetTableFeature;
class AreasFeature;
class FleetEventsFeature;
class DetailsFeature;
class EventsFeature;
class FilesFeature;
class LiveFeature;
class MapFeature;
class ReplayFeature;
class ShareFeature;
class VesselsFeature;
class ViewMenu;

class MainWindow : public QMainWindow, public Shell
{
    Q_OBJECT
public:
    explicit MainWindow(store::Database database, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shell
    QMainWindow* window() override { return this; }
    Session& session() override { return *m_session; }
    SelectedVessel& selection() override { return *m_selection; }
    MapWidget* map() override { return m_map; }
    QMenu* menu(MenuId which) override;
    void addDock(QDockWidget* dock, Qt::DockWidgetArea area) override;
    QStatusBar* statusBar() override { return QMainWindow::statusBar(); }
    void showError(const QString& what, const Error& error) override;

    // The features, for the tests and for each other.
    ReplayFeature& replay() { return *m_replay; }
    EventsFeature& events() { return *m_events; }
    VesselsFeature& vessels() { return *m_vessels; }
    DetailsFeature& details() { return *m_details; }
    FilesFeature& files() { return *m_files; }
    ShareFeature& share() { return *m_share; }
    AnalysisFeature& analysis() { return *m_analysis; }
    FleetEventsFeature& fleetEvents() { return *m_fleetEvents; }
    AreasFeature& areas() { return *m_areas; }
    AlertsFeature& alerts() { return *m_alerts; }
    TargetTableFeature& targets() { return *m_targets; }
    LiveFeature& live() { return *m_live; }
    ViewMenu& view() { return *m_view; }

protected:
    // Saves the window's geometry and dock layout for the next start.
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void placeDocks();
    void sizeDocks();
    void fitOnScreen();
    void showDatabase();
    void showAbout();

    std::unique_ptr<Session> m_session;
    std::unique_ptr<SelectedVessel> m_selection;
    MapWidget* m_map = nullptr;
    std::map<MenuId, QMenu*> m_menus;
    std::vector<std::pair<QDockWidget*, Qt::DockWidgetArea>> m_docks;
    bool m_layoutRestored = false;
    bool m_docksSized = false;
    QLabel* m_cursorLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    ReplayFeature* m_replay = nullptr;
    MapFeature* m_mapFeature = nullptr;
    DetailsFeature* m_details = nullptr;
    EventsFeature* m_events = nullptr;
    VesselsFeature* m_vessels = nullptr;
    FilesFeature* m_files = nullptr;
    ShareFeature* m_share = nullptr;
    AnalysisFeature* m_analysis = nullptr;
    FleetEventsFeature* m_fleetEvents = nullptr;
    AreasFeature* m_areas = nullptr;
    AlertsFeature* m_alerts = nullptr;
    TargetTableFeature* m_targets = nullptr;
    LiveFeature* m_live = nullptr;
    ViewMenu* m_view = nullptr;
};

} // namespace wake::ui
