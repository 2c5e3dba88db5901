#pragma once

// The map as a screen reader sees it: a named element whose children are the
// ships and event markers in view (map_items.h), each with a name, a
// description, its place on screen and a press action that does what a click
// on it does. Installed once as a QAccessible factory by MapWidget.

class QAccessibleInterface;
class QObject;
class QString;

namespace wake::ui {

QAccessibleInterface* mapAccessibleFactory(const QString& className, QObject* object);

} // namespace wake::ui
