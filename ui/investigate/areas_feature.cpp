#include "ui/investigate/areas_feature.h"

#include "ui/map/map_widget.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QAction>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

#include <algorithm>

namespace wake::ui {

AreasFeature::AreasFeature(Shell& shell) : QObject(shell.window()), m_shell(shell)
{
    QMenu* menu = shell.menu(MenuId::Investigate);
    QMenu* draw = menu->addMenu(tr("&Draw an area"));
    m_box = draw->addAction(tr("&Box (drag corner to corner)"));
    m_box->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_polygon = draw->addAction(tr("&Polygon (click the corners, double-click to close)"));
    m_polygon->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_remove = menu->addAction(tr("&Remove an area…"));
    connect(m_box, &QAction::triggered, this, [this] {
        m_shell.map()->startSketch(AreaSketch::Shape::Box);
        m_shell.statusBar()->showMessage(tr("Drag a box on the map; Escape gives up"));
    });
    connect(m_polygon, &QAction::triggered, this, [this] {
        m_shell.map()->startSketch(AreaSketch::Shape::Polygon);
        m_shell.statusBar()->showMessage(
            tr("Click the corners on the map; double-click or Enter closes it, Backspace takes "
               "one back, Escape gives up"));
    });
    connect(m_remove, &QAction::triggered, this, &AreasFeature::askAndRemove);
    connect(shell.map(), &MapWidget::areaSketched, this, &AreasFeature::askNameAndKeep);
    connect(shell.map(), &MapWidget::sketchCancelled, this,
            [this] { m_shell.statusBar()->showMessage(tr("No area drawn"), 4000); });
}

void AreasFeature::askNameAndKeep(const geo::Area& drawn)
{
    auto existing = m_shell.session().db().areas();
    const int count = existing ? static_cast<int>(existing->size()) : 0;
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_shell.window(), tr("Keep the area"),
                              tr("Name (used by All events and wake events --area):"),
                              QLineEdit::Normal, tr("Area %1").arg(count + 1), &ok)
            .trimmed();
    if (!ok || name.isEmpty()) {
        m_shell.statusBar()->showMessage(tr("The area was not kept"), 4000);
        return;
    }
    if (existing && std::any_of(existing->begin(), existing->end(),
                                [&](const geo::Area& a) { return a.name() == name; })) {
        const auto answer = QMessageBox::question(
            m_shell.window(), tr("Replace the area?"),
            tr("An area called “%1” is kept already. Replace it with the one drawn?").arg(name));
        if (answer != QMessageBox::Yes) {
            return;
        }
    }
    if (Status s = keep(drawn, name); !s) {
        m_shell.showError(tr("Cannot keep the area"), s.error());
    }
}

Status AreasFeature::keep(const geo::Area& drawn, const QString& name)
{
    const geo::Area named = drawn.isBox()
                                ? geo::Area::box(drawn.southWest(), drawn.northEast(), name)
                                : geo::Area::polygon(drawn.ring(), name);
    if (Status s = m_shell.session().db().storeArea(named); !s) {
        return s;
    }
    refreshMap();
    m_shell.statusBar()->showMessage(
        tr("Area “%1” kept: All events and wake events --area “%1” use it").arg(name), 8000);
    return {};
}

void AreasFeature::askAndRemove()
{
    auto existing = m_shell.session().db().areas();
    if (!existing) {
        m_shell.showError(tr("Cannot read the areas"), existing.error());
        return;
    }
    if (existing->empty()) {
        m_shell.statusBar()->showMessage(tr("No area is kept"), 4000);
        return;
    }
    QStringList names;
    for (const geo::Area& a : *existing) {
        names << a.name();
    }
    bool ok = false;
    const QString name = QInputDialog::getItem(m_shell.window(), tr("Remove an area"), tr("Area:"),
                                               names, 0, false, &ok);
    if (!ok) {
        return;
    }
    if (Status s = remove(name); !s) {
        m_shell.showError(tr("Cannot remove the area"), s.error());
    }
}

Status AreasFeature::remove(const QString& name)
{
    if (Status s = m_shell.session().db().removeArea(name); !s) {
        return s;
    }
    refreshMap();
    m_shell.statusBar()->showMessage(tr("Area “%1” removed").arg(name), 6000);
    return {};
}

void AreasFeature::refreshMap()
{
    auto areas = m_shell.session().db().areas();
    if (!areas) {
        return;
    }
    MapScene scene = m_shell.map()->renderer().scene();
    scene.areas = std::move(areas).value();
    m_shell.map()->setScene(std::move(scene));
}

} // namespace wake::ui
