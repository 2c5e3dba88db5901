#include "mainwindow.h"

#include "analysis/analysis_job.h"
#include "geo/coordinate_format.h"
#include "import/import_job.h"
#include "map/map_scene_loader.h"
#include "map/map_widget.h"
#include "panels/events_model.h"
#include "panels/speed_chart.h"
#include "panels/vessel_details_html.h"
#include "panels/vessel_list_model.h"
#include "panels/vessel_state_panel.h"
#include "panels/voyage_summary.h"
#include "reference/flag_states.h"
#include "reference/port_index.h"
#include "replay/event_card.h"
#include "replay/replay_controller.h"
#include "replay/timeline_widget.h"
#include "replay/track_sampler.h"
#include "replay/voyage_stats.h"
#include "theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>
#include <set>

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
          model::EventKind::IdentityChange}) {
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

    // Choosing an event in the panel moves the replay to it.
    connect(m_eventsView, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (const model::Event* e = m_eventsModel->eventAt(index.row())) {
            goToEvent(e->id);
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
    m_databaseLabel->setText(tr("Database: %1").arg(QDir::toNativeSeparators(m_db.path())));
    reloadVessels();
    if (m_vesselProxy->rowCount() > 0) {
        m_vesselView->selectRow(0);
    }
}

MainWindow::~MainWindow() = default;

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
    QAction* import =
        file->addAction(tr("&Import AIS data..."), this, &MainWindow::chooseFilesToImport);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setObjectName(QStringLiteral("importAction"));
    file->addSeparator();
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
    m_details->setHtml(vesselDetailsHtml(**vessel,
                                         sources ? *sources : std::vector<model::Source>{},
                                         m_flags.get()) +
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
    Q_EMIT vesselSelected(id);
}

QWidget* MainWindow::buildReplayBar()
{
    // Two rows: the controls, then the timeline across the whole width.
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("replayBar"));
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(6, 2, 6, 2);
    rows->setSpacing(0);
    auto* layout = new QHBoxLayout;
    rows->addLayout(layout);
    auto button = [&](QStyle::StandardPixmap icon, const QString& tip, auto slot) {
        auto* b = new QToolButton(bar);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, m_replay, slot);
        layout->addWidget(b);
        return b;
    };
    button(QStyle::SP_MediaSkipBackward, tr("Previous event ([)"),
           &ReplayController::previousEvent);
    m_playButton =
        button(QStyle::SP_MediaPlay, tr("Play or pause (Space)"), &ReplayController::togglePlay);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    button(QStyle::SP_MediaSkipForward, tr("Next event (])"), &ReplayController::nextEvent);
    m_timeline = new TimelineWidget(bar);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setFocusPolicy(Qt::StrongFocus);
    connect(m_timeline, &TimelineWidget::seekRequested, m_replay, &ReplayController::seek);
    m_clock = new QLabel(bar);
    m_clock->setObjectName(QStringLiteral("replayClock"));
    m_clock->setMinimumWidth(260);
    m_clock->setToolTip(tr("Replay time (UTC). Only the date is shown where only the date is "
                           "known."));
    layout->addWidget(m_clock, 1);
    m_speed = new QComboBox(bar);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setToolTip(tr("Replay speed"));
    const std::pair<QString, double> speeds[] = {
        {tr("1×"), 1.0},
        {tr("1 min/s"), 60.0},
        {tr("10 min/s"), 600.0},
        {tr("1 h/s"), 3600.0},
        {tr("6 h/s"), 6 * 3600.0},
        {tr("1 day/s"), 86400.0},
        {tr("Whole leg in 60 s"), 0.0},
    };
    for (const auto& [name, rate] : speeds) {
        m_speed->addItem(name, rate);
    }
    layout->addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, &MainWindow::applySpeed);
    m_speed->setCurrentIndex(m_speed->count() - 1);
    m_range = new QComboBox(bar);
    m_range->setObjectName(QStringLiteral("replayRange"));
    m_range->setToolTip(tr("What to replay"));
    m_range->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_range->setMinimumContentsLength(34);
    layout->addWidget(m_range);
    rows->addWidget(m_timeline);
    connect(m_range, &QComboBox::currentIndexChanged, this, &MainWindow::applyRange);
    connect(m_replay, &ReplayController::playingChanged, this, [this](bool playing) {
        m_playButton->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    return bar;
}

void MainWindow::buildReplayMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Replay"));
    auto add = [&](const QString& name, const QKeySequence& key, auto slot,
                   Qt::ShortcutContext context = Qt::WindowShortcut) {
        QAction* a = menu->addAction(name, m_replay, slot);
        a->setShortcut(key);
        a->setShortcutContext(context);
        return a;
    };
    add(tr("&Play / Pause"), QKeySequence(Qt::Key_Space), &ReplayController::togglePlay);
    add(tr("Shuttle &backwards"), QKeySequence(Qt::Key_J), &ReplayController::shuttleBackward);
    add(tr("Pa&use"), QKeySequence(Qt::Key_K), &ReplayController::pause);
    add(tr("Shuttle &forwards"), QKeySequence(Qt::Key_L), &ReplayController::shuttleForward);
    menu->addSeparator();
    // The arrows pan the map when it has the focus; on the timeline they step.
    QAction* back = add(tr("Step back"), QKeySequence(Qt::Key_Left),
                        &ReplayController::stepBackward, Qt::WidgetWithChildrenShortcut);
    QAction* forward = add(tr("Step forward"), QKeySequence(Qt::Key_Right),
                           &ReplayController::stepForward, Qt::WidgetWithChildrenShortcut);
    m_timeline->addAction(back);
    m_timeline->addAction(forward);
    add(tr("P&revious event"), QKeySequence(Qt::Key_BracketLeft), &ReplayController::previousEvent);
    add(tr("&Next event"), QKeySequence(Qt::Key_BracketRight), &ReplayController::nextEvent);
    add(tr("To the &start"), QKeySequence(Qt::Key_Home), &ReplayController::toStart);
    add(tr("To the &end"), QKeySequence(Qt::Key_End), &ReplayController::toEnd);
    menu->addSeparator();
    QAction* pauseAtSeizure = menu->addAction(tr("Pause at the &seizure"));
    pauseAtSeizure->setCheckable(true);
    pauseAtSeizure->setObjectName(QStringLiteral("pauseAtSeizure"));
    const bool pause = QSettings().value(QStringLiteral("replay/pauseAtSeizure"), true).toBool();
    pauseAtSeizure->setChecked(pause);
    m_replay->setPauseAtSeizure(pause);
    connect(pauseAtSeizure, &QAction::toggled, this, [this](bool on) {
        m_replay->setPauseAtSeizure(on);
        QSettings().setValue(QStringLiteral("replay/pauseAtSeizure"), on);
    });
    QAction* whole = menu->addAction(tr("Replay the &whole voyage"));
    whole->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(whole, &QAction::triggered, this, [this] {
        // The longest voyage: from Vostochny, for the scenario.
        if (m_voyages.size() > 1) {
            m_range->setCurrentIndex(1);
        }
    });
}

void MainWindow::applyRange(int index)
{
    const auto& track = selectedTrack();
    if (track.empty()) {
        return;
    }
    // The whole track, in whole UTC days: reported places carry only a date.
    constexpr std::int64_t kDayMs = 86'400'000;
    auto floorDay = [](std::int64_t t) {
        return t - ((t % kDayMs) + kDayMs) % kDayMs;
    };
    std::int64_t start = floorDay(track.front().timeUtcMs);
    std::int64_t end = floorDay(track.back().timeUtcMs) + kDayMs;
    if (index >= 0 && static_cast<std::size_t>(index) < m_voyages.size()) {
        const model::Voyage& v = m_voyages[index];
        if (v.departure) {
            start = v.departure->startUtcMs;
        }
        if (v.arrival) {
            end = v.arrival->endUtcMs;
        }
        // A voyage that ended in a seizure is replayed to the seizure.
        constexpr std::int64_t kAfterArrivalMs = 30LL * 86'400'000;
        for (const auto& e : m_events) {
            if (e.kind == model::EventKind::Seizure && e.time.startUtcMs >= end &&
                e.time.startUtcMs <= end + kAfterArrivalMs) {
                end = std::max(end, e.time.endUtcMs);
            }
        }
    }
    // The panels take the new track before the replay's time moves.
    m_statePanel->setTrack(track, start);
    m_speedChart->setData(track, start, end, replay::darkPeriods(m_events, end));
    m_replay->setReplay(start, end, m_events);
    m_timeline->setSpan(start, end, m_events);
    m_statePanel->setTime(m_replay->time());
    m_speedChart->setTime(m_replay->time());
    if (index >= 0 && static_cast<std::size_t>(index) < m_voyages.size()) {
        m_voyageSummary->setText(voyageSummaryHtml(m_voyages[static_cast<std::size_t>(index)],
                                                   m_map->renderer().scene().namedPlaces, track,
                                                   m_events));
    } else {
        m_voyageSummary->setText(
            tr("<b>Whole track</b><br>%1 positions from %2 to %3")
                .arg(QLocale().toString(static_cast<qlonglong>(track.size())),
                     QDateTime::fromMSecsSinceEpoch(track.front().timeUtcMs, Qt::UTC)
                         .toString(QStringLiteral("d MMM yyyy")),
                     QDateTime::fromMSecsSinceEpoch(track.back().timeUtcMs, Qt::UTC)
                         .toString(QStringLiteral("d MMM yyyy"))));
    }
    m_timeline->setTime(m_replay->time());
    applySpeed(); // "whole leg in 60 s" depends on the span
}

void MainWindow::applySpeed()
{
    double rate = m_speed->currentData().toDouble();
    if (rate <= 0) {
        const auto& c = m_replay->cursor();
        rate = static_cast<double>(c.end() - c.start()) / 60'000.0;
    }
    m_replay->setRate(rate);
}

void MainWindow::onReplayTime(std::int64_t timeUtcMs)
{
    const auto reached = m_replay->cursor().lastEventReached();
    m_map->renderer().setHighlightedEvent(reached ? std::optional<model::EventId>(reached->id)
                                                  : std::nullopt);
    m_map->setTime(timeUtcMs);
    m_timeline->setTime(timeUtcMs);
    m_statePanel->setTime(timeUtcMs);
    m_speedChart->setTime(timeUtcMs);
    const auto state = replay::sampleTrack(selectedTrack(), timeUtcMs);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timeUtcMs, Qt::UTC);
    // Only AIS fixes carry a time of day; between reported places only the date is known.
    if (state && state->provenance == model::Provenance::Observed) {
        m_clock->setText(t.toString(QStringLiteral("ddd d MMM yyyy  HH:mm 'UTC'")));
    } else {
        QString text = t.toString(QStringLiteral("ddd d MMM yyyy"));
        if (state) {
            text +=
                tr("  · %1 position").arg(QString::fromLatin1(model::toString(state->provenance)));
            // A reconstructed passage runs at one constant speed we assumed.
            if (state->provenance == model::Provenance::Reconstructed && state->speedKnots) {
                text += tr(", assumed %1 kn").arg(*state->speedKnots, 0, 'f', 1);
            }
        }
        m_clock->setText(text);
    }
    if (m_followAction != nullptr && m_followAction->isChecked() && state) {
        const QPointF s = m_map->viewport().worldToScreen(geo::project(state->position));
        const QRectF inner = QRectF(m_map->rect())
                                 .adjusted(m_map->width() * 0.2, m_map->height() * 0.2,
                                           -m_map->width() * 0.2, -m_map->height() * 0.2);
        if (!inner.contains(s)) {
            MapViewport vp = m_map->viewport();
            vp.setCenter(geo::project(state->position));
            m_map->setViewport(vp);
        }
    }
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
           "<li>World Port Index (NGA Pub. 150): public domain</li>"
           "<li>UN/LOCODE © UNECE, free use (repackaging by geoapify, MIT)</li>"
           "<li>MID to flag-state table (mmsi-country-lookup, MIT)</li>"
           "<li>ISO 3166 names (i18n-iso-countries, MIT)</li>"
           "<li>AIS ship types and navigational status (gpsd, BSD-2-Clause; ITU-R M.1371)</li>"
           "<li>Flags (flag-icons, MIT)</li>"
           "<li>Chong Chon Gang fact sheet: compiled from the public sources it cites</li>"
           "</ul><p><b>Libraries</b>: Qt 6 (LGPL-3.0), SQLite (public domain), zlib (zlib "
           "licence), libzip (BSD-3-Clause).</p>"
           "<p>Details: resources/README.md.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace wake::ui
