#include "ui/mainwindow.h"

#include "core/geo/coordinate_format.h"
#include "core/reference/flag_states.h"
#include "ui/analysis/analysis_job.h"
#include "ui/import/import_job.h"
#include "ui/live/live_controller.h"
#include "ui/map/map_scene_loader.h"
#include "ui/map/map_widget.h"
#include "ui/map/traffic_loader.h"
#include "ui/panels/events_model.h"
#include "ui/panels/speed_chart.h"
#include "ui/panels/vessel_details_html.h"
#include "ui/panels/vessel_list_model.h"
#include "ui/panels/vessel_state_panel.h"
#include "ui/replay/event_card.h"
#include "ui/replay/replay_controller.h"
#include "ui/theme.h"

#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>

namespace wake::ui {

MainWindow::MainWindow(store::Database database, QWidget* parent)
    : QMainWindow(parent), m_db(std::move(database))
{
    setWindowTitle(QStringLiteral("Wake"));
    // The theme chosen last time (View > Theme).
    if (const QString theme = QSettings().value(QStringLiteral("view/theme")).toString();
        !theme.isEmpty() && theme != QLatin1String("system")) {
        applyTheme(theme);
    }
    resize(1400, 860);
    if (auto flags = reference::FlagStates::loadBuiltIn()) {
        m_flags = std::make_unique<reference::FlagStates>(std::move(flags).value());
    }
    if (auto ports = reference::PortIndex::loadBuiltIn()) {
        m_ports = std::make_unique<reference::PortIndex>(std::move(ports).value());
    }

    m_map = new MapWidget(this);
    m_map->setObjectName(QStringLiteral("mapView"));
    m_replay = new ReplayController(this);
    m_card = new EventCard(this);
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_map, 1);
    centreLayout->addWidget(buildReplayBar());
    setCentralWidget(centre);
    // The banner that names an event when the replay reaches it.
    m_banner = new QLabel(m_map);
    m_banner->setObjectName(QStringLiteral("replayBanner"));
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: rgba(27,27,27,215); color: white; padding: 6px 14px; "
                       "border-radius: 6px; font-weight: bold; }"));
    m_banner->hide();
    connect(m_replay, &ReplayController::timeChanged, this, &MainWindow::onReplayTime);
    connect(m_replay, &ReplayController::eventsReached, this, &MainWindow::showBanner);
    connect(m_replay, &ReplayController::pausedAtEvent, this, &MainWindow::openEventCard);
    connect(m_map, &MapWidget::fitRequested, this, &MainWindow::fitVoyage);
    // The status bar keeps the cursor's position and the database in view;
    // messages (import results) come and go on its left.
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setObjectName(QStringLiteral("cursorPosition"));
    m_cursorLabel->setMinimumWidth(
        m_cursorLabel->fontMetrics().horizontalAdvance(QStringLiteral("00°00.000′N 000°00.000′W")));
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databasePath"));
    statusBar()->addPermanentWidget(m_cursorLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
    connect(m_map, &MapWidget::cursorMoved, this, [this](double lat, double lon) {
        m_cursorLabel->setText(geo::formatLatLonMinutes(lat, lon));
    });
    // A vessel clicked on the map becomes the selection everywhere; the
    // replay time and the view stay where they are.
    connect(m_map, &MapWidget::vesselClicked, this, [this](qint64 id) {
        if (m_selected && *m_selected == id) {
            return;
        }
        const std::int64_t time = m_replay->time();
        const MapViewport view = m_map->viewport();
        selectVessel(id);
        m_map->setViewport(view);
        const auto& c = m_replay->cursor();
        if (time < c.start() || time > c.end()) {
            m_range->setCurrentIndex(m_range->count() - 1); // the whole track
        }
        m_replay->seek(time);
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
    // Events of one kind at a time when a vessel has hundreds of port visits.
    m_eventKindFilter = new QComboBox(this);
    m_eventKindFilter->setObjectName(QStringLiteral("eventKindFilter"));
    m_eventKindFilter->setToolTip(tr("Show events of one kind"));
    m_eventKindFilter->addItem(tr("All kinds"), QString());
    for (const model::EventKind kind :
         {model::EventKind::PortVisit, model::EventKind::AisGap, model::EventKind::Encounter,
          model::EventKind::Loitering, model::EventKind::PositionJump,
          model::EventKind::IdentityChange, model::EventKind::IdentityConflict,
          model::EventKind::SpoofingSuspected}) {
        m_eventKindFilter->addItem(EventsModel::kindIcon(kind), model::displayName(kind),
                                   model::toString(kind));
    }
    m_eventKindFilter->addItem(tr("Reported (sourced) events"), QStringLiteral("reported"));
    connect(m_eventKindFilter, &QComboBox::currentIndexChanged, this,
            [this] { showFilteredEvents(); });
    auto* eventsPane = new QWidget(this);
    auto* eventsLayout = new QVBoxLayout(eventsPane);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    eventsLayout->setSpacing(2);
    auto* filterRow = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("&Kind:"), eventsPane);
    filterLabel->setBuddy(m_eventKindFilter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_eventKindFilter);
    filterRow->addStretch(1);
    eventsLayout->addLayout(filterRow);
    eventsLayout->addWidget(m_eventsView);
    auto* eventsDock = new QDockWidget(tr("Events"), this);
    eventsDock->setObjectName(QStringLiteral("eventsDock"));
    eventsDock->setWidget(eventsPane);
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock);
    connect(m_map, &MapWidget::eventClicked, this, [this](qint64 eventId) {
        openEventCard(eventId);
        selectEventRow(eventId);
    });

    // Vessel list with filter and count.
    m_vesselModel = new VesselListModel(m_flags.get(), this);
    m_vesselProxy = new QSortFilterProxyModel(this);
    m_vesselProxy->setSourceModel(m_vesselModel);
    m_vesselProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // One prepared text per row (name, MMSI, IMO, call sign, flag code and
    // country, type) keeps filtering 100,000 rows to one string match each.
    m_vesselProxy->setFilterRole(VesselListModel::kFilterTextRole);
    m_vesselProxy->setFilterKeyColumn(VesselListModel::Name);
    m_vesselProxy->setSortRole(Qt::UserRole);
    auto* listPanel = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(4, 4, 4, 4);
    m_vesselFilter = new QLineEdit(listPanel);
    m_vesselFilter->setPlaceholderText(tr("Filter by name, MMSI, IMO, call sign, flag, type"));
    m_vesselFilter->setClearButtonEnabled(true);
    m_vesselFilter->setObjectName(QStringLiteral("vesselFilter"));
    // Ctrl+F: type a name, MMSI or IMO at once; Down then moves into the list.
    auto* find = new QAction(tr("Find vessel"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_vesselFilter->setFocus(Qt::ShortcutFocusReason);
        m_vesselFilter->selectAll();
    });
    addAction(find);
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
    m_details->setOpenExternalLinks(false);
    m_details->setOpenLinks(false);
    // voyage:N links replay that voyage; the others are sources for the browser.
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("voyage")) {
            m_range->setCurrentIndex(url.path().toInt());
        } else {
            QDesktopServices::openUrl(url);
        }
    });
    auto* detailsDock = new QDockWidget(tr("Vessel details"), this);
    detailsDock->setObjectName(QStringLiteral("detailsDock"));
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    // The selected vessel at the replay time, its voyage and its speed.
    auto* statePanel = new QWidget(this);
    auto* stateLayout = new QVBoxLayout(statePanel);
    stateLayout->setContentsMargins(4, 4, 4, 4);
    m_statePanel = new VesselStatePanel(statePanel);
    m_statePanel->setObjectName(QStringLiteral("statePanel"));
    m_voyageSummary = new QLabel(statePanel);
    m_voyageSummary->setObjectName(QStringLiteral("voyageSummary"));
    m_voyageSummary->setWordWrap(true);
    m_voyageSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_voyageSummary->setContentsMargins(6, 2, 6, 2);
    m_speedChart = new SpeedChart(statePanel);
    m_speedChart->setObjectName(QStringLiteral("speedChart"));
    stateLayout->addWidget(m_statePanel);
    stateLayout->addWidget(m_voyageSummary);
    stateLayout->addWidget(m_speedChart, 1);
    auto* stateScroll = new QScrollArea(this);
    stateScroll->setWidget(statePanel);
    stateScroll->setWidgetResizable(true);
    stateScroll->setFrameShape(QFrame::NoFrame);
    auto* stateDock = new QDockWidget(tr("At the replay time"), this);
    stateDock->setObjectName(QStringLiteral("stateDock"));
    stateDock->setWidget(stateScroll);
    addDockWidget(Qt::LeftDockWidgetArea, stateDock); // under the vessel list
    resizeDocks({listDock, stateDock, detailsDock}, {330, 330, 380}, Qt::Horizontal);
    resizeDocks({listDock, stateDock}, {180, 420}, Qt::Vertical);
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

    // Choosing an event in the panel, by a click or the arrow keys, moves the
    // replay to it; Enter or a double-click opens its card. A row the replay
    // selected itself (reaching an event) does not move it again.
    connect(m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_selectingEventRow || !current.isValid()) {
                    return;
                }
                if (const model::Event* e = m_eventsModel->eventAt(current.row())) {
                    goToEvent(e->id);
                }
            });
    connect(m_eventsView, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (const model::Event* e = m_eventsModel->eventAt(index.row())) {
            goToEvent(e->id); // also when the row was already the current one
        }
    });
    connect(m_eventsView, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const model::Event* e = m_eventsModel->eventAt(index.row())) {
            openEventCard(e->id);
        }
    });
    connect(m_card, &EventCard::goToRequested, this, [this] { goToEvent(m_card->eventId()); });

    // Double-click a vessel: frame its voyage.
    connect(m_vesselView, &QTableView::doubleClicked, this, [this] { fitVoyage(); });
    // An event's sources: copy them, or open one in the browser.
    m_eventsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_eventsView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& at) { showEventMenu(m_eventsView->indexAt(at), at); });

    buildMenus();
    // The layout the user left last time: geometry, docks moved, closed or floated.
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    fitOnScreen();
    m_databaseLabel->setText(tr("Database: %1").arg(QDir::toNativeSeparators(m_db.path())));
    startTrafficLoader();
    reloadVessels();
    if (m_vesselProxy->rowCount() > 0) {
        m_vesselView->selectRow(0);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::fitOnScreen()
{
    // Never larger than the screen it opens on: the default size is for a
    // desktop monitor, large fonts make the docks want more, and a saved
    // layout may come from a bigger screen (or have been saved too large).
    const QScreen* where = screen();
    if (where == nullptr) {
        return;
    }
    const QRect available = where->availableGeometry();
    const QSize fitted = size().boundedTo(available.size());
    if (fitted != size()) {
        resize(fitted);
    }
    if (!available.contains(frameGeometry())) {
        move(available.topLeft() + QPoint(std::max(0, (available.width() - width()) / 2),
                                          std::max(0, (available.height() - height()) / 2)));
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open database..."), this, &MainWindow::chooseDatabase);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openDatabaseAction"));
    QAction* server =
        file->addAction(tr("Connect to &server..."), this, &MainWindow::connectToServer);
    server->setObjectName(QStringLiteral("connectServerAction"));
    QAction* import =
        file->addAction(tr("&Import AIS data..."), this, &MainWindow::chooseFilesToImport);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setObjectName(QStringLiteral("importAction"));
    file->addSeparator();
    QAction* exportTrack = file->addAction(tr("&Export track..."), this, &MainWindow::exportTrack);
    exportTrack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportTrack->setObjectName(QStringLiteral("exportTrackAction"));
    QAction* saveImage = file->addAction(tr("Save map &image..."), this, &MainWindow::saveMapImage);
    saveImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    saveImage->setObjectName(QStringLiteral("saveMapImageAction"));
    QAction* video =
        file->addAction(tr("Export replay &video..."), this, &MainWindow::exportReplayVideo);
    video->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    video->setObjectName(QStringLiteral("exportVideoAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = view->addAction(tr("&Fit voyage"), this, &MainWindow::fitVoyage);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QMenu* layers = view->addMenu(tr("Map &layers"));
    const std::pair<MapLayer, QString> layerNames[] = {
        {MapLayer::Basemap, tr("Land and sea")}, {MapLayer::Borders, tr("Borders")},
        {MapLayer::Graticule, tr("Graticule")},  {MapLayer::Ports, tr("Ports")},
        {MapLayer::Tracks, tr("Tracks")},        {MapLayer::Vessels, tr("Vessels")},
        {MapLayer::Events, tr("Events")},        {MapLayer::Overlays, tr("Scale and attribution")},
        {MapLayer::Legend, tr("Legend")},
    };
    // The legend, once read, can be closed for good (it covers the map's
    // top right); the choice is remembered.
    const QString legendKey = QStringLiteral("map/legend");
    m_map->renderer().setLayerVisible(MapLayer::Legend,
                                      QSettings().value(legendKey, true).toBool());
    for (const auto& [layer, name] : layerNames) {
        QAction* toggle = layers->addAction(name);
        toggle->setCheckable(true);
        toggle->setChecked(m_map->renderer().isLayerVisible(layer));
        toggle->setObjectName(QStringLiteral("layer%1").arg(static_cast<int>(layer)));
        connect(toggle, &QAction::toggled, this, [this, which = layer, legendKey](bool on) {
            m_map->renderer().setLayerVisible(which, on);
            if (which == MapLayer::Legend) {
                QSettings().setValue(legendKey, on);
            }
            m_map->update();
        });
    }
    // Online maps: off by default, remembered; the vector map needs no network.
    QMenu* online = view->addMenu(tr("&Online maps"));
    QAction* osm = online->addAction(tr("&OpenStreetMap (downloads tiles)"));
    QAction* seamarks = online->addAction(tr("Open&SeaMap seamarks (downloads tiles)"));
    osm->setObjectName(QStringLiteral("onlineOpenStreetMap"));
    seamarks->setObjectName(QStringLiteral("onlineSeamarks"));
    for (QAction* a : {osm, seamarks}) {
        a->setCheckable(true);
    }
    const QSettings saved;
    osm->setChecked(saved.value(QStringLiteral("map/online/openStreetMap"), false).toBool());
    seamarks->setChecked(saved.value(QStringLiteral("map/online/seamarks"), false).toBool());
    auto applyOnline = [this, osm, seamarks] {
        QSettings settings;
        settings.setValue(QStringLiteral("map/online/openStreetMap"), osm->isChecked());
        settings.setValue(QStringLiteral("map/online/seamarks"), seamarks->isChecked());
        m_map->setOnlineLayers(osm->isChecked(), seamarks->isChecked());
    };
    connect(osm, &QAction::toggled, this, applyOnline);
    connect(seamarks, &QAction::toggled, this, applyOnline);
    if (osm->isChecked() || seamarks->isChecked()) {
        m_map->setOnlineLayers(osm->isChecked(), seamarks->isChecked());
    }
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        view->addAction(dock->toggleViewAction());
    }
    view->addSeparator();
    QMenu* theme = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const QString current =
        QSettings().value(QStringLiteral("view/theme"), QStringLiteral("system")).toString();
    for (const auto& [key, name] : {std::pair{QStringLiteral("system"), tr("&System")},
                                    std::pair{QStringLiteral("light"), tr("&Light")},
                                    std::pair{QStringLiteral("dark"), tr("&Dark")}}) {
        QAction* a = theme->addAction(name);
        a->setCheckable(true);
        a->setChecked(key == current);
        a->setObjectName(QStringLiteral("theme-") + key);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, themeKey = key] { setTheme(themeKey); });
    }
    view->addSeparator();
    m_followAction = view->addAction(tr("F&ollow vessel"));
    m_followAction->setCheckable(true);
    m_followAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    buildReplayMenu();
    buildAnalysisMenu();
    buildLiveMenu();
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
    if (m_trafficLoader) {
        m_trafficLoader->vesselsChanged();
    }
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
    const bool wasFollowingLive = m_liveFollowing;
    m_selected = id;
    m_statePanel->setLiveFix(std::nullopt); // the next live snapshot gives the new one's
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
    // One read of the vessel's track and events serves the map and the events panel.
    auto scene = loadMapScene(m_db, id, m_ports.get());
    if (!scene) {
        showError(tr("Cannot read the vessel's track and events"), scene.error());
        return;
    }
    m_events = scene->events;
    showFilteredEvents();
    m_facts = (*vessel)->facts;
    m_map->setScene(std::move(scene).value());
    auto voyages = m_db.voyages(id);
    m_voyages = voyages ? std::move(voyages).value() : std::vector<model::Voyage>{};
    std::stable_sort(
        m_voyages.begin(), m_voyages.end(),
        [](const model::Voyage& a, const model::Voyage& b) { return a.isDefault && !b.isDefault; });
    auto sources = m_db.sources(idList);
    // Other ships heard on the same MMSI (told apart by their tracks).
    std::vector<model::Vessel> sharing;
    if ((*vessel)->mmsi) {
        if (auto same = m_db.vesselsWithMmsi(*(*vessel)->mmsi); same && same->size() > 1) {
            for (const model::VesselId other : *same) {
                if (auto o = m_db.vessel(other); o && o->has_value()) {
                    sharing.push_back(std::move(**o));
                }
            }
        }
    }
    m_details->setHtml(vesselDetailsHtml(**vessel,
                                         sources ? *sources : std::vector<model::Source>{},
                                         m_flags.get(), sharing) +
                       voyagesTableHtml(m_voyages));

    {
        const QSignalBlocker block(m_range);
        m_range->clear();
        for (const auto& v : m_voyages) {
            m_range->addItem(v.name);
        }
        m_range->addItem(tr("Whole track"));
    }
    applyRange(0);
    fitVoyage();
    m_eventsView->resizeColumnToContents(EventsModel::Date);
    m_eventsView->resizeColumnToContents(EventsModel::Kind);
    // A vessel heard live keeps the window live; another one replays its past.
    if (wasFollowingLive && isLiveTarget(id)) {
        goLive();
    }
    Q_EMIT vesselSelected(id);
}

const std::vector<model::TrackPoint>& MainWindow::selectedTrack() const
{
    static const std::vector<model::TrackPoint> kNone;
    const MapScene& scene = m_map->renderer().scene();
    return scene.tracks.empty() ? kNone : scene.tracks.front().points;
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
    // Window-modal but not blocking: the window keeps running behind it.
    auto* box =
        new QMessageBox(QMessageBox::Warning, what, error.toString(), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Wake"),
        tr("<h3>Wake %1</h3>"
           "<p>Track ships and replay their voyages on a map. MIT licence.</p>"
           "<p><b>Data shipped with Wake</b></p><ul>"
           "<li>Natural Earth: public domain (packaging world-atlas, ISC)</li>"
           "<li>Coastline at harbour zoom: GSHHG 2.3.7 (Wessel &amp; Smith), "
           "LGPL-3.0-or-later</li>"
           "<li>Harbours GSHHG closes (Havana Bay and 64 more in the Caribbean): "
           "© OpenStreetMap contributors, ODbL 1.0</li>"
           "<li>World Port Index (NGA Pub. 150): public domain</li>"
           "<li>UN/LOCODE © UNECE, free use (repackaging by geoapify, MIT)</li>"
           "<li>MID to flag-state table (mmsi-country-lookup, MIT)</li>"
           "<li>ISO 3166 names (i18n-iso-countries, MIT)</li>"
           "<li>AIS ship types and navigational status (gpsd, BSD-2-Clause; ITU-R M.1371)</li>"
           "<li>Flags (flag-icons, MIT)</li>"
           "<li>Chong Chon Gang fact sheet: compiled from the public sources it cites</li>"
           "</ul><p><b>Libraries</b>: Qt 6 (LGPL-3.0), SQLite (public domain), zlib (zlib "
           "licence), libzip (BSD-3-Clause), Qt Network and Serial Port (LGPL-3.0).</p>"
           "<p>Details: resources/README.md.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace wake::ui
