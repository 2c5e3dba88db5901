#pragma once

// The main window: vessel list, vessel details and events around the centre.
// It owns the database for the session.

#include "model/vessel.h"
#include "store/database.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace wake::reference {
class FlagStates;
class PortIndex;
} // namespace wake::reference

namespace wake::ui {

class EventsModel;
class MapWidget;
class VesselListModel;

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
    QTextBrowser* detailsView() const { return m_details; }
    MapWidget* mapView() const { return m_map; }
    // Frames the selected vessel's default voyage on the map.
    void fitVoyage();

Q_SIGNALS:
    void vesselSelected(qint64 vesselId);

private:
    void buildMenus();
    void reloadVessels();
    void showVessel(model::VesselId id);
    void showError(const QString& what, const Error& error);
    void showAbout();

    store::Database m_db;
    std::unique_ptr<reference::FlagStates> m_flags;
    std::unique_ptr<reference::PortIndex> m_ports;
    MapWidget* m_map = nullptr;
    VesselListModel* m_vesselModel = nullptr;
    QSortFilterProxyModel* m_vesselProxy = nullptr;
    QTableView* m_vesselView = nullptr;
    QLineEdit* m_vesselFilter = nullptr;
    QLabel* m_vesselCount = nullptr;
    QTextBrowser* m_details = nullptr;
    EventsModel* m_eventsModel = nullptr;
    QTableView* m_eventsView = nullptr;
    std::optional<model::VesselId> m_selected;
};

} // namespace wake::ui
