#include "ui/shell/view_menu.h"

#include "ui/map/map_widget.h"
#include "ui/replay/replay_feature.h"
#include "ui/shell/shell.h"
#include "ui/theme.h"

#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace wake::ui {

ViewMenu::ViewMenu(Shell& shell, ReplayFeature& replay) : QObject(shell.window()), m_shell(shell)
{
    QMenu* view = shell.menu(MenuId::View);
    QAction* fit = view->addAction(tr("&Fit what is replayed"), &replay, &ReplayFeature::fitRange);
    fit->setObjectName(QStringLiteral("fitAction"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    addLayers();
    addOnlineMaps();
    view->addSeparator();
    addTheme();
    shell.map()->renderer().setDark(looksDark());
    addTextSize();
    view->addSeparator(); // the docks' toggles follow, as features add them
}

void ViewMenu::addLayers()
{
    QMenu* layers = m_shell.menu(MenuId::View)->addMenu(tr("Map &layers"));
    const std::pair<MapLayer, QString> names[] = {
        {MapLayer::Basemap, tr("Land and sea")},
        {MapLayer::Borders, tr("Borders")},
        {MapLayer::Graticule, tr("Graticule")},
        {MapLayer::Ports, tr("Ports")},
        {MapLayer::Tracks, tr("The selected vessel's track")},
        {MapLayer::Vessels, tr("Vessels")},
        {MapLayer::Events, tr("Events")},
        {MapLayer::Overlays, tr("Scale and attribution")},
        {MapLayer::Legend, tr("Legend")},
    };
    MapWidget* map = m_shell.map();
    // The legend, once read, can be closed for good (it covers the map's
    // top right); the choice is remembered.
    const QString legendKey = QStringLiteral("map/legend");
    map->renderer().setLayerVisible(MapLayer::Legend, QSettings().value(legendKey, true).toBool());
    for (const auto& [layer, name] : names) {
        QAction* toggle = layers->addAction(name);
        toggle->setCheckable(true);
        toggle->setChecked(map->renderer().isLayerVisible(layer));
        toggle->setObjectName(QStringLiteral("layer%1").arg(static_cast<int>(layer)));
        connect(toggle, &QAction::toggled, this, [map, which = layer, legendKey](bool on) {
            map->renderer().setLayerVisible(which, on);
            if (which == MapLayer::Legend) {
                QSettings().setValue(legendKey, on);
            }
            map->update();
        });
    }
    // The other vessels' tracks: faint by default, so the selection and the
    // ships it met stand out among hundreds; remembered.
    QMenu* others = m_shell.menu(MenuId::View)->addMenu(tr("&Other vessels' tracks"));
    auto* group = new QActionGroup(this);
    const int saved =
        QSettings()
            .value(QStringLiteral("map/otherTracks"), static_cast<int>(OtherTracks::Faint))
            .toInt();
    map->renderer().setOtherTracks(static_cast<OtherTracks>(std::clamp(saved, 0, 2)));
    for (const auto& [how, name, key] : {std::tuple{OtherTracks::Hidden, tr("&Hidden"), "hidden"},
                                         std::tuple{OtherTracks::Faint, tr("&Faint"), "faint"},
                                         std::tuple{OtherTracks::Full, tr("F&ull"), "full"}}) {
        QAction* a = others->addAction(name);
        a->setCheckable(true);
        a->setChecked(map->renderer().otherTracks() == how);
        a->setObjectName(QStringLiteral("otherTracks-") + QString::fromLatin1(key));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [map, which = how] {
            map->renderer().setOtherTracks(which);
            QSettings().setValue(QStringLiteral("map/otherTracks"), static_cast<int>(which));
            map->update();
        });
    }
}

void ViewMenu::addOnlineMaps()
{
    // Online maps: off by default, remembered; the vector map needs no network.
    QMenu* online = m_shell.menu(MenuId::View)->addMenu(tr("&Online maps"));
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
    MapWidget* map = m_shell.map();
    auto apply = [map, osm, seamarks] {
        QSettings settings;
        settings.setValue(QStringLiteral("map/online/openStreetMap"), osm->isChecked());
        settings.setValue(QStringLiteral("map/online/seamarks"), seamarks->isChecked());
        map->setOnlineLayers(osm->isChecked(), seamarks->isChecked());
    };
    connect(osm, &QAction::toggled, this, apply);
    connect(seamarks, &QAction::toggled, this, apply);
    if (osm->isChecked() || seamarks->isChecked()) {
        map->setOnlineLayers(osm->isChecked(), seamarks->isChecked());
    }
}

void ViewMenu::addTheme()
{
    QMenu* theme = m_shell.menu(MenuId::View)->addMenu(tr("&Theme"));
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
}

void ViewMenu::setTheme(const QString& theme)
{
    QSettings().setValue(QStringLiteral("view/theme"), theme);
    applyTheme(theme);
    m_shell.map()->renderer().setDark(looksDark());
    m_shell.map()->update();
}

void ViewMenu::addTextSize()
{
    QMenu* size = m_shell.menu(MenuId::View)->addMenu(tr("Te&xt size"));
    size->setObjectName(QStringLiteral("textSizeMenu"));
    auto* sizes = new QActionGroup(this);
    const double saved = QSettings().value(QStringLiteral("view/textScale"), 1.0).toDouble();
    const double current =
        *std::min_element(std::begin(kTextScales), std::end(kTextScales), [&](double a, double b) {
            return std::abs(a - saved) < std::abs(b - saved);
        });
    for (const double scale : kTextScales) {
        QAction* a = size->addAction(scale == 1.0 ? tr("&Normal (100%)")
                                                  : tr("%1%").arg(std::lround(scale * 100)));
        a->setCheckable(true);
        a->setChecked(scale == current);
        a->setObjectName(QStringLiteral("textScale-%1").arg(std::lround(scale * 100)));
        sizes->addAction(a);
        connect(a, &QAction::triggered, this, [this, scale] { setTextScale(scale); });
    }
    // Ctrl++ and Ctrl+- step through the sizes (+ and - alone zoom the map).
    size->addSeparator();
    auto step = [this, sizes](int by) {
        const QList<QAction*> all = sizes->actions();
        const auto checked =
            std::find_if(all.begin(), all.end(), [](const QAction* a) { return a->isChecked(); });
        const auto at = checked == all.end() ? 1 : static_cast<int>(checked - all.begin());
        const int next = std::clamp(at + by, 0, static_cast<int>(all.size()) - 1);
        all[next]->trigger();
    };
    QAction* larger = size->addAction(tr("&Larger"), this, [step] { step(+1); });
    larger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* smaller = size->addAction(tr("&Smaller"), this, [step] { step(-1); });
    smaller->setShortcut(QKeySequence::ZoomOut);
    if (current != 1.0) {
        applyTextScale(current);
        m_shell.map()->renderer().setTextScale(current);
    }
}

void ViewMenu::setTextScale(double scale)
{
    QSettings().setValue(QStringLiteral("view/textScale"), scale);
    applyTextScale(scale);
    m_shell.map()->renderer().setTextScale(scale);
    m_shell.map()->update();
}

} // namespace wake::ui
