#include "mainwindow.h"

#include "map/map_scene_loader.h"
#include "map/map_widget.h"
#include "panels/events_model.h"
#include "panels/vessel_details_html.h"
#include "panels/vessel_list_model.h"
#include "reference/flag_states.h"
#include "reference/port_index.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>
#include <set>

namespace wake::ui {

MainWindow::MainWindow(store::Database database, QWidget* parent)
    : QMainWindow(parent), m_db(std::move(database))
{
    setWindowTitle(QStringLiteral("Wake"));
    resize(1400, 860);
    if (auto flags = reference::FlagStates::loadBuiltIn()) {
        m_flags = std::make_unique<reference::FlagStates>(std::move(flags).value());
    }
    if (auto ports = reference::PortIndex::loadBuiltIn()) {
        m_ports = std::make_unique<reference::PortIndex>(std::move(ports).value());
    }

    m_map = new MapWidget(this);
    m_map->setObjectName(QStringLiteral("mapView"));
    setCentralWidget(m_map);
    connect(m_map, &MapWidget::fitRequested, this, &MainWindow::fitVoyage);
    connect(m_map, &MapWidget::cursorMoved, this, [this](double lat, double lon) {
        statusBar()->showMessage(tr("%1°%2 %3°%4   ·   Database: %5")
                                     .arg(std::abs(lat), 0, 'f', 4)
                                     .arg(lat < 0 ? 'S' : 'N')
                                     .arg(std::abs(lon), 0, 'f', 4)
                                     .arg(lon < 0 ? 'W' : 'E')
                                     .arg(m_db.path()));
    });

    m_eventsModel = new EventsModel(this);
    m_eventsView = new QTableView(this);
    m_eventsView->setObjectName(QStringLiteral("eventsView"));
    m_eventsView->setModel(m_eventsModel);
    m_eventsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventsView->verticalHeader()->hide();
    m_eventsView->horizontalHeader()->setSectionResizeMode(EventsModel::Title,
                                                           QHeaderView::Stretch);
    m_eventsView->setWordWrap(false);
    auto* eventsDock = new QDockWidget(tr("Events"), this);
    eventsDock->setObjectName(QStringLiteral("eventsDock"));
    eventsDock->setWidget(m_eventsView);
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock);
    connect(m_map, &MapWidget::eventClicked, this, [this](qint64 eventId) {
        for (int row = 0; row < m_eventsModel->rowCount(); ++row) {
            if (m_eventsModel->eventAt(row)->id == eventId) {
                m_eventsView->selectRow(row);
                m_eventsView->scrollTo(m_eventsModel->index(row, 0));
            }
        }
    });

    // Vessel list with filter and count.
    m_vesselModel = new VesselListModel(m_flags.get(), this);
    m_vesselProxy = new QSortFilterProxyModel(this);
    m_vesselProxy->setSourceModel(m_vesselModel);
    m_vesselProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_vesselProxy->setFilterKeyColumn(-1); // any column: name, MMSI, IMO, call sign, flag, type
    m_vesselProxy->setSortRole(Qt::UserRole);
    auto* listPanel = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(4, 4, 4, 4);
    m_vesselFilter = new QLineEdit(listPanel);
    m_vesselFilter->setPlaceholderText(tr("Filter by name, MMSI, IMO, call sign, flag, type"));
    m_vesselFilter->setClearButtonEnabled(true);
    m_vesselView = new QTableView(listPanel);
    m_vesselView->setObjectName(QStringLiteral("vesselView"));
    m_vesselView->setModel(m_vesselProxy);
    m_vesselView->setSortingEnabled(true);
    m_vesselView->sortByColumn(VesselListModel::Name, Qt::AscendingOrder);
    m_vesselView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_vesselView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_vesselView->verticalHeader()->hide();
    m_vesselView->horizontalHeader()->setStretchLastSection(true);
    m_vesselCount = new QLabel(listPanel);
    listLayout->addWidget(m_vesselFilter);
    listLayout->addWidget(m_vesselView);
    listLayout->addWidget(m_vesselCount);
    auto* listDock = new QDockWidget(tr("Vessels"), this);
    listDock->setObjectName(QStringLiteral("vesselsDock"));
    listDock->setWidget(listPanel);
    addDockWidget(Qt::LeftDockWidgetArea, listDock);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("detailsView"));
    m_details->setOpenExternalLinks(true);
    auto* detailsDock = new QDockWidget(tr("Vessel details"), this);
    detailsDock->setObjectName(QStringLiteral("detailsDock"));
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    resizeDocks({listDock, detailsDock}, {300, 400}, Qt::Horizontal);
    resizeDocks({eventsDock}, {220}, Qt::Vertical);

    connect(m_vesselFilter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_vesselProxy->setFilterFixedString(text);
        m_vesselCount->setText(tr("%n vessel(s) shown of %1", nullptr, m_vesselProxy->rowCount())
                                   .arg(m_vesselModel->rowCount()));
    });
    connect(m_vesselView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid()) {
                    return;
                }
                const auto id = current.data(VesselListModel::kVesselIdRole).toLongLong();
                if (!m_selected || *m_selected != id) {
                    showVessel(id);
                }
            });

    buildMenus();
    statusBar()->showMessage(tr("Database: %1").arg(m_db.path()));
    reloadVessels();
    if (m_vesselProxy->rowCount() > 0) {
        m_vesselView->selectRow(0);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = view->addAction(tr("&Fit voyage"), this, &MainWindow::fitVoyage);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QMenu* layers = view->addMenu(tr("Map &layers"));
    const std::pair<MapLayer, QString> layerNames[] = {
        {MapLayer::Basemap, tr("Land and sea")},
        {MapLayer::Borders, tr("Borders")},
        {MapLayer::Graticule, tr("Graticule")},
        {MapLayer::Ports, tr("Ports")},
        {MapLayer::Tracks, tr("Tracks")},
        {MapLayer::Vessels, tr("Vessels")},
        {MapLayer::Events, tr("Events")},
        {MapLayer::Overlays, tr("Scale, legend and attribution")},
    };
    for (const auto& [layer, name] : layerNames) {
        QAction* toggle = layers->addAction(name);
        toggle->setCheckable(true);
        toggle->setChecked(m_map->renderer().isLayerVisible(layer));
        toggle->setObjectName(QStringLiteral("layer%1").arg(static_cast<int>(layer)));
        connect(toggle, &QAction::toggled, this, [this, which = layer](bool on) {
            m_map->renderer().setLayerVisible(which, on);
            m_map->update();
        });
    }
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        view->addAction(dock->toggleViewAction());
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Wake"), this, &MainWindow::showAbout);
}

void MainWindow::reloadVessels()
{
    auto vessels = m_db.listVessels();
    if (!vessels) {
        showError(tr("Cannot list the vessels"), vessels.error());
        return;
    }
    m_vesselModel->setVessels(std::move(vessels).value());
    m_vesselCount->setText(tr("%n vessel(s)", nullptr, m_vesselModel->rowCount()));
}

void MainWindow::selectVessel(model::VesselId id)
{
    const int row = m_vesselModel->rowOf(id);
    if (row < 0) {
        return;
    }
    const QModelIndex proxyIndex = m_vesselProxy->mapFromSource(m_vesselModel->index(row, 0));
    if (proxyIndex.isValid()) {
        m_vesselView->selectRow(proxyIndex.row());
    } else {
        showVessel(id); // filtered out of the list, still shown in details
    }
}

void MainWindow::showVessel(model::VesselId id)
{
    auto vessel = m_db.vessel(id);
    if (!vessel) {
        showError(tr("Cannot read the vessel"), vessel.error());
        return;
    }
    if (!vessel->has_value()) {
        return;
    }
    m_selected = id;
    std::set<QString> ids;
    for (const auto& f : (*vessel)->facts) {
        ids.insert(f.attribution.sourceIds.begin(), f.attribution.sourceIds.end());
    }
    for (const auto& h : (*vessel)->history) {
        ids.insert(h.sourceIds.begin(), h.sourceIds.end());
    }
    std::vector<QString> idList(ids.begin(), ids.end());
    std::sort(idList.begin(), idList.end(), [](const QString& a, const QString& b) {
        return a.mid(1).toInt() < b.mid(1).toInt();
    });
    auto sources = m_db.sources(idList);
    m_details->setHtml(vesselDetailsHtml(
        **vessel, sources ? *sources : std::vector<model::Source>{}, m_flags.get()));

    // One read of the vessel's track and events serves the map and the events panel.
    auto scene = loadMapScene(m_db, id, m_ports.get());
    if (!scene) {
        showError(tr("Cannot read the vessel's track and events"), scene.error());
        return;
    }
    m_eventsModel->setEvents(scene->events);
    m_map->setScene(std::move(scene).value());
    m_map->setTime(defaultReplayTime(m_db, id));
    fitVoyage();
    m_eventsView->resizeColumnToContents(EventsModel::Date);
    m_eventsView->resizeColumnToContents(EventsModel::Kind);
    Q_EMIT vesselSelected(id);
}

void MainWindow::fitVoyage()
{
    if (!m_selected) {
        return;
    }
    if (const auto bounds = defaultVoyageBounds(m_db, *m_selected)) {
        m_map->fitBounds(bounds->first, bounds->second);
    }
}

void MainWindow::showError(const QString& what, const Error& error)
{
    statusBar()->showMessage(what + QStringLiteral(": ") + error.toString());
    QMessageBox::warning(this, what, error.toString());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Wake"),
        tr("<h3>Wake %1</h3>"
           "<p>Track ships and replay their voyages on a map. MIT licence.</p>"
           "<p><b>Data shipped with Wake</b></p><ul>"
           "<li>Natural Earth: public domain (packaging world-atlas, ISC)</li>"
           "<li>World Port Index (NGA Pub. 150): public domain</li>"
           "<li>UN/LOCODE © UNECE, free use (repackaging by geoapify, MIT)</li>"
           "<li>MID to flag-state table (mmsi-country-lookup, MIT)</li>"
           "<li>ISO 3166 names (i18n-iso-countries, MIT)</li>"
           "<li>AIS ship types and navigational status (gpsd, BSD-2-Clause; ITU-R M.1371)</li>"
           "<li>Flags (flag-icons, MIT)</li>"
           "<li>Chong Chon Gang fact sheet: compiled from the public sources it cites</li>"
           "</ul><p>Details: resources/README.md.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace wake::ui
