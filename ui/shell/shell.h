#pragma once

// What a feature (events, replay, analysis, import, share, live, ...) gets
// from the window it plugs into: the session and the selection to listen
// to, the map, the menus to put its actions in, and a place for its docks
// (after Marble's ControlView::setupDockWidgets and RenderPlugin
// actionGroups: features bring their docks and actions; the window only
// places them).

#include "core/util/result.h"

#include <QString>
#include <Qt>

class QDockWidget;
class QMainWindow;
class QMenu;
class QStatusBar;

namespace wake::ui {

class MapWidget;
class Session;
class SelectedVessel;

enum class MenuId
{
    File,
    View,
    Replay,
    Analysis,
    Investigate,
    Live,
    Help,
};

class Shell
{
public:
    virtual ~Shell() = default;
    virtual QMainWindow* window() = 0;
    virtual Session& session() = 0;
    virtual SelectedVessel& selection() = 0;
    virtual MapWidget* map() = 0;
    virtual QMenu* menu(MenuId which) = 0;
    // Places the dock and lists its toggle in View.
    virtual void addDock(QDockWidget* dock, Qt::DockWidgetArea area) = 0;
    virtual QStatusBar* statusBar() = 0;
    // A message on the status bar and a window-modal box that does not block.
    virtual void showError(const QString& what, const Error& error) = 0;
};

} // namespace wake::ui
