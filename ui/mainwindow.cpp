#include "ui/mainwindow.h"

#include "core/geo/coordinate_format.h"
#include "ui/analysis/analysis_feature.h"
#include "ui/import/files_feature.h"
#include "ui/investigate/areas_feature.h"
#include "ui/investigate/fleet_events_feature.h"
#include "ui/live/live_feature.h"
#include "ui/map/map_feature.h"
#include "ui/map/map_widget.h"
#include "ui/panels/details_feature.h"
#include "ui/panels/vessels_feature.h"
#include "ui/replay/events_feature.h"
#include "ui/replay/replay_feature.h"
#include "ui/share/share_feature.h"
#include "ui/shell/selected_vessel.h"
#include "ui/shell/session.h"
#include "ui/shell/view_menu.h"
#include "ui/theme.h"
#include "ui/watch/alerts_feature.h"
#include "ui/watch/target_table_feature.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace wake::ui {

MainWindow::MainWindow(store::Database database, QWidget* parent) : QMainWindow(parent)
{
    // The theme chosen last time (View > Theme).
    if (const QString theme = QSettings().value(QStringLiteral("view/theme")).toString();
        !theme.isEmpty() && theme != QLatin1String("system")) {
        applyTheme(theme);
    }
    resize(1400, 860);
    m_session = std::make_unique<Session>(std::move(database));
    m_selection = std::make_unique<SelectedVessel>(*m_session);
    for (const auto& [id, title] :
         {std::pair{MenuId::File, tr("&File")}, std::pair{MenuId::View, tr("&View")},
          std::pair{MenuId::Replay, tr("&Replay")}, std::pair{MenuId::Analysis, tr("&Analysis")},
          std::pair{MenuId::Investigate, tr("&Investigate")}, std::pair{MenuId::Live, tr("&Live")},
          std::pair{MenuId::Help, tr("&Help")}}) {
        m_menus[id] = menuBar()->addMenu(title);
    }
    m_map = new MapWidget(this);
    m_map->setObjectName(QStringLiteral("mapView"));
    m_map->setAccessibleName(tr("Map"));

    // Each feature brings its docks and actions. The order is the default
    // layout's: the list above the state on the left, the details on the
    // right, the events below.
    m_replay = new ReplayFeature(*this);
    m_vessels = new VesselsFeature(*this, *m_replay);
    m_mapFeature = new MapFeature(*this);
    m_details = new DetailsFeature(*this, *m_replay);
    m_events = new EventsFeature(*this, *m_replay);
    m_files = new FilesFeature(*this);
    m_share = new ShareFeature(*this, *m_replay);
    m_analysis = new AnalysisFeature(*this);
    m_fleetEvents = new FleetEventsFeature(*this);
    m_areas = new AreasFeature(*this);
    m_live = new LiveFeature(*this, *m_replay, *m_vessels, *m_details);
    m_alerts = new AlertsFeature(*this, *m_live);
    m_targets = new TargetTableFeature(*this, *m_live);
    m_view = new ViewMenu(*this, *m_replay);

    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_replay->bar());
    setCentralWidget(centre);
    m_menus[MenuId::File]
        ->addAction(tr("&Quit"), qApp, &QApplication::quit)
        ->setShortcut(QKeySequence::Quit);
    placeDocks();
    m_menus[MenuId::Help]->addAction(tr("&About Wake"), this, &MainWindow::showAbout);
    sizeDocks();

    // The status bar keeps the cursor's position and the database in view;
    // messages (import results) come and go on its left.
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setObjectName(QStringLiteral("cursorPosition"));
    m_cursorLabel->setAccessibleName(tr("Position under the mouse"));
    m_cursorLabel->setMinimumWidth(
        m_cursorLabel->fontMetrics().horizontalAdvance(QStringLiteral("00°00.000′N 000°00.000′W")));
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databasePath"));
    m_databaseLabel->setAccessibleName(tr("Open database"));
    statusBar()->addPermanentWidget(m_cursorLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
    connect(m_map, &MapWidget::cursorMoved, this, [this](double lat, double lon) {
        m_cursorLabel->setText(geo::formatLatLonMinutes(lat, lon));
    });
    connect(m_session.get(), &Session::databaseChanged, this, &MainWindow::showDatabase);
    connect(m_selection.get(), &SelectedVessel::readFailed, this, [this](const QString& message) {
        showError(tr("Cannot read the vessel"), Error{Error::Code::Database, message, {}});
    });

    // The layout the user left last time: geometry, docks moved, closed or floated.
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_layoutRestored = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    fitOnScreen();
    showDatabase();
    m_vessels->reload(true);
    if (!m_selection->id()) {
        m_selection->select(std::nullopt); // an empty store: every panel says so
    }
}

MainWindow::~MainWindow() = default;

QMenu* MainWindow::menu(MenuId which)
{
    return m_menus.at(which);
}

void MainWindow::addDock(QDockWidget* dock, Qt::DockWidgetArea area)
{
    // Placed once every feature has brought its docks, in the layout's
    // order rather than the order the features were made in.
    m_docks.emplace_back(dock, area);
}

void MainWindow::placeDocks()
{
    const QStringList order{QStringLiteral("vesselsDock"), QStringLiteral("stateDock"),
                            QStringLiteral("detailsDock"), QStringLiteral("eventsDock")};
    std::stable_sort(m_docks.begin(), m_docks.end(), [&](const auto& a, const auto& b) {
        const auto rank = [&](QDockWidget* d) {
            const auto i = order.indexOf(d->objectName());
            return i < 0 ? order.size() : i;
        };
        return rank(a.first) < rank(b.first);
    });
    for (const auto& [dock, area] : m_docks) {
        addDockWidget(area, dock);
        m_menus[MenuId::View]->addAction(dock->toggleViewAction());
    }
    // A dock that shares another's place is a tab behind it.
    for (const auto& [dock, area] : m_docks) {
        const QString with = dock->property("tabifyWith").toString();
        if (auto* first = with.isEmpty() ? nullptr : findChild<QDockWidget*>(with)) {
            tabifyDockWidget(first, dock);
            first->raise();
        }
    }
}

void MainWindow::sizeDocks()
{
    // Sizes in the font's own units: with large fonts (QT_FONT_DPI=144) docks
    // of a fixed pixel width cut the state panel and broke the details' words.
    const auto dock = [this](const char* name) {
        return findChild<QDockWidget*>(QString::fromLatin1(name));
    };
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int line = fontMetrics().lineSpacing();
    resizeDocks({dock("vesselsDock"), dock("stateDock"), dock("detailsDock")},
                {24 * em, 24 * em, 28 * em}, Qt::Horizontal);
    resizeDocks({dock("vesselsDock"), dock("stateDock")}, {11 * line, 26 * line}, Qt::Vertical);
    resizeDocks({dock("eventsDock")}, {12 * line}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // A first start's docks are sized once the window has its size (before,
    // the window's own size limits what they get).
    if (!m_layoutRestored && !m_docksSized) {
        m_docksSized = true;
        QTimer::singleShot(0, this, &MainWindow::sizeDocks);
    }
}

void MainWindow::showDatabase()
{
    const QString path = m_session->db().path();
    m_databaseLabel->setText(tr("Database: %1").arg(QDir::toNativeSeparators(path)));
    // The platform adds " — Wake" (the application's display name) itself.
    setWindowTitle(QFileInfo(path).fileName());
}

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
           "<li>OFAC SDN list as of 3 May 2024, its vessels (US Treasury): public domain</li>"
           "</ul><p><b>Libraries</b>: Qt 6 (LGPL-3.0), SQLite (public domain), zlib (zlib "
           "licence), libzip (BSD-3-Clause), Qt Network and Serial Port (LGPL-3.0).</p>"
           "<p>Details: resources/README.md.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace wake::ui
