#include "ui/map/map_feature.h"

#include "ui/map/map_scene_loader.h"
#include "ui/map/map_widget.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace wake::ui {

MapFeature::MapFeature(Shell& shell) : QObject(shell.window()), m_shell(shell)
{
    follow(shell.selection(), this, *this);
    QAction* measure = shell.menu(MenuId::View)->addAction(tr("&Measure range and bearing"));
    measure->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    measure->setStatusTip(tr("Click two points on the map; Escape clears"));
    connect(measure, &QAction::triggered, this, [this] {
        m_shell.map()->startMeasure();
        m_shell.statusBar()->showMessage(tr("Click two points on the map; Escape clears"), 8000);
    });
    connect(shell.map(), &MapWidget::vesselClicked, this, [this](qint64 id) {
        if (m_shell.selection().id() != id) {
            m_shell.selection().select(id, true);
        }
    });
}

void MapFeature::show(const VesselSelection& selection)
{
    m_shell.map()->setScene(selection.scene);
}

void MapFeature::clear()
{
    // The places of this store stay; no track, no event, no traffic of the
    // vessel before.
    auto scene = loadMapScene(m_shell.session().db(), std::nullopt, m_shell.session().ports());
    m_shell.map()->setScene(scene ? std::move(scene).value() : MapScene{});
    m_shell.map()->renderer().setTraffic({});
}

} // namespace wake::ui
