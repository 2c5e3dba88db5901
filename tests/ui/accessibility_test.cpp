// A screen reader's view of the window: QAccessible's tree, walked from the
// main window down. Every element a user can act on has a name; the map's
// markers and ships are elements too, with a name and a description.

#include "tests/ui/scenario_window.h"
#include "ui/map/map_widget.h"

#include <QAccessible>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QWidget>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <vector>

using namespace wake;
using namespace wake::test;

namespace {

// Roles a user acts on (as opposed to text, panes and layout).
bool isInteractive(QAccessibleInterface* node)
{
    switch (node->role()) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::PageTab:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Link:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::MenuItem:
        return true;
    default:
        break;
    }
    // A widget of our own that takes the keyboard (the map, the timeline).
    auto* widget = qobject_cast<QWidget*>(node->object());
    return widget != nullptr && widget->focusPolicy() != Qt::NoFocus &&
           node->role() != QAccessible::ScrollBar;
}

QString describe(QAccessibleInterface* node)
{
    QString path;
    for (QAccessibleInterface* at = node; at != nullptr; at = at->parent()) {
        const QObject* object = at->object();
        const QString part = object != nullptr && !object->objectName().isEmpty()
                                 ? object->objectName()
                                 : QString::number(at->role(), 16);
        path = path.isEmpty() ? part : part + QStringLiteral("/") + path;
        if (at->role() == QAccessible::Window) {
            break;
        }
    }
    return path;
}

void walk(QAccessibleInterface* node, const std::function<void(QAccessibleInterface*)>& visit,
          std::set<QAccessibleInterface*>& seen, int depth = 0)
{
    if (node == nullptr || depth > 40 || !seen.insert(node).second) {
        return;
    }
    visit(node);
    for (int i = 0; i < node->childCount(); ++i) {
        walk(node->child(i), visit, seen, depth + 1);
    }
}

} // namespace

class Accessibility : public ScenarioWindowTest
{};

TEST_F(Accessibility, EveryInteractiveElementHasAName)
{
    m_window->resize(1400, 900);
    m_window->show();
    ASSERT_TRUE(waitFor([&] { return m_window->isVisible(); }));
    QStringList unnamed;
    int interactive = 0;
    std::set<QAccessibleInterface*> seen;
    walk(
        QAccessible::queryAccessibleInterface(m_window.get()),
        [&](QAccessibleInterface* node) {
            if (node->state().invisible || !isInteractive(node)) {
                return;
            }
            ++interactive;
            if (node->text(QAccessible::Name).trimmed().isEmpty()) {
                unnamed << describe(node);
            }
        },
        seen);
    // Menus are walked through the menu bar's actions; each menu's items too.
    for (QMenu* menu : m_window->menuBar()->findChildren<QMenu*>()) {
        std::set<QAccessibleInterface*> menuSeen;
        walk(
            QAccessible::queryAccessibleInterface(menu),
            [&](QAccessibleInterface* node) {
                if (node->role() == QAccessible::MenuItem) {
                    ++interactive;
                    if (node->text(QAccessible::Name).trimmed().isEmpty() &&
                        !node->state().invisible) {
                        unnamed << menu->title() + QStringLiteral(" menu item");
                    }
                }
            },
            menuSeen);
    }
    EXPECT_GT(interactive, 40) << "the walk missed most of the window";
    EXPECT_TRUE(unnamed.isEmpty()) << unnamed.join(QStringLiteral("\n")).toStdString();
}

// The map's ships and markers are elements a screen reader can reach: the
// scenario's ship and its seizure have names and descriptions, and pressing
// the seizure does what a click does (opens its card).
TEST_F(Accessibility, TheMapsShipsAndMarkersAreNamedItemsThatCanBePressed)
{
    m_window->resize(1400, 900);
    m_window->show();
    auto* map = part<ui::MapWidget>(*m_window, "mapView");
    ASSERT_TRUE(waitFor([&] { return map->isVisible() && map->width() > 300; }));
    QAccessibleInterface* mapNode = QAccessible::queryAccessibleInterface(map);
    ASSERT_NE(mapNode, nullptr);
    EXPECT_EQ(mapNode->text(QAccessible::Name), QStringLiteral("Map"));
    // The scene is loaded off the GUI thread, and the view fits the voyage once sized.
    waitFor([&] { return mapNode->childCount() > 2; });
    const int count = mapNode->childCount();
    ASSERT_GT(count, 2) << "the map says nothing of what is on it";
    QAccessibleInterface* ship = nullptr;
    QAccessibleInterface* seizure = nullptr;
    for (int i = 0; i < count; ++i) {
        QAccessibleInterface* item = mapNode->child(i);
        ASSERT_NE(item, nullptr);
        EXPECT_FALSE(item->text(QAccessible::Name).isEmpty()) << i;
        EXPECT_FALSE(item->text(QAccessible::Description).isEmpty()) << i;
        EXPECT_EQ(item->parent(), mapNode);
        EXPECT_EQ(mapNode->indexOfChild(item), i);
        EXPECT_TRUE(map->rect().contains(map->mapFromGlobal(item->rect().center())))
            << item->text(QAccessible::Name).toStdString();
        if (item->text(QAccessible::Name) == QStringLiteral("Chong Chon Gang")) {
            ship = item;
        }
        if (item->text(QAccessible::Name).startsWith(QStringLiteral("Seizure: "))) {
            seizure = item;
        }
    }
    ASSERT_NE(ship, nullptr);
    EXPECT_TRUE(ship->text(QAccessible::Description).contains(QStringLiteral("position")));
    ASSERT_NE(seizure, nullptr);
    EXPECT_TRUE(seizure->text(QAccessible::Description).contains(QStringLiteral("15 Jul 2013")));
    // The same interface on a second look: a reader keeps hold of it.
    EXPECT_EQ(mapNode->child(mapNode->indexOfChild(seizure)), seizure);

    std::vector<qint64> clicked;
    QObject::connect(map, &ui::MapWidget::eventClicked, map,
                     [&](qint64 id) { clicked.push_back(id); });
    auto* press = seizure->actionInterface();
    ASSERT_NE(press, nullptr);
    press->doAction(QAccessibleActionInterface::pressAction());
    ASSERT_EQ(clicked.size(), 1U);
    const auto& events = map->renderer().scene().events;
    const auto it = std::find_if(events.begin(), events.end(),
                                 [&](const model::Event& e) { return e.id == clicked.front(); });
    ASSERT_NE(it, events.end());
    EXPECT_EQ(it->kind, model::EventKind::Seizure);
}
