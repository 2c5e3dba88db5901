#pragma once

// Areas of interest in the window: Investigate → Draw an area (a box or a
// polygon on the map), named and kept in the store, then outlined on the
// map and used by name in "All events" and `wake events --area NAME`;
// Investigate → Remove an area. A name already taken asks before replacing.

#include "core/geo/area.h"
#include "core/util/result.h"

#include <QObject>

class QAction;

namespace wake::ui {

class Shell;

class AreasFeature : public QObject
{
    Q_OBJECT
public:
    explicit AreasFeature(Shell& shell);

    // Keeps a drawn area under a name and shows it (tests call it directly).
    Status keep(const geo::Area& drawn, const QString& name);
    Status remove(const QString& name);

    QAction* drawBoxAction() const { return m_box; }
    QAction* drawPolygonAction() const { return m_polygon; }
    QAction* removeAction() const { return m_remove; }

private:
    void askNameAndKeep(const geo::Area& drawn);
    void askAndRemove();
    void refreshMap();

    Shell& m_shell;
    QAction* m_box = nullptr;
    QAction* m_polygon = nullptr;
    QAction* m_remove = nullptr;
};

} // namespace wake::ui
