#include "ui/map/map_accessible.h"

#include "ui/map/map_items.h"
#include "ui/map/map_widget.h"

#include <QAccessibleWidget>
#include <QPointer>

#include <map>
#include <utility>

namespace wake::ui {

namespace {

using ItemKey = std::pair<int, std::size_t>; // kind, index

ItemKey keyOf(const MapItem& item)
{
    return {static_cast<int>(item.kind), item.index};
}

class MapItemAccessible : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    MapItemAccessible(MapWidget* map, QAccessibleInterface* parent, MapItem item)
        : m_map(map), m_parent(parent), m_item(std::move(item))
    {}
    void setItem(MapItem item) { m_item = std::move(item); }

    bool isValid() const override { return !m_map.isNull(); }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_parent->window(); }
    QAccessibleInterface* focusChild() const override { return nullptr; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QAccessibleInterface* parent() const override { return m_parent; }
    QAccessibleInterface* child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QString text(QAccessible::Text t) const override
    {
        switch (t) {
        case QAccessible::Name:
            return m_item.name;
        case QAccessible::Description:
            return m_item.description;
        default:
            return {};
        }
    }
    void setText(QAccessible::Text, const QString&) override {}
    QRect rect() const override
    {
        if (m_map.isNull()) {
            return {};
        }
        const QPoint at = m_map->mapToGlobal(m_item.at.toPoint());
        return {at - QPoint(8, 8), QSize(16, 16)};
    }
    QAccessible::Role role() const override
    {
        return m_item.kind == MapHit::Kind::Event ? QAccessible::Graphic : QAccessible::Button;
    }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.selectable = true;
        const MapWidget* map = m_map.data();
        s.invisible = map == nullptr || !map->isVisible();
        return s;
    }
    void* interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface*>(this)
                                                    : nullptr;
    }

    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString& name) override
    {
        if (name == pressAction() && !m_map.isNull()) {
            m_map->activate(MapHit{m_item.kind, m_item.index, m_item.name});
        }
    }
    QStringList keyBindingsForAction(const QString&) const override { return {}; }

private:
    QPointer<MapWidget> m_map;
    QAccessibleInterface* m_parent;
    MapItem m_item;
};

class MapAccessible : public QAccessibleWidget
{
public:
    explicit MapAccessible(MapWidget* map) : QAccessibleWidget(map, QAccessible::Client) {}
    ~MapAccessible() override
    {
        for (const auto& [key, id] : m_children) {
            QAccessible::deleteAccessibleInterface(id);
        }
    }

    int childCount() const override
    {
        refresh();
        return static_cast<int>(m_order.size());
    }
    QAccessibleInterface* child(int index) const override
    {
        if (m_order.empty()) {
            refresh();
        }
        if (index < 0 || index >= static_cast<int>(m_order.size())) {
            return nullptr;
        }
        return QAccessible::accessibleInterface(m_children.at(m_order[index]));
    }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        for (std::size_t i = 0; i < m_order.size(); ++i) {
            if (QAccessible::accessibleInterface(m_children.at(m_order[i])) == child) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        auto* map = static_cast<MapWidget*>(widget());
        const QPointF local = map->mapFromGlobal(QPoint(x, y));
        if (const auto hit = map->renderer().hitTest(local, map->viewport())) {
            const auto it = m_children.find({static_cast<int>(hit->kind), hit->index});
            if (it != m_children.end()) {
                return QAccessible::accessibleInterface(it->second);
            }
        }
        return nullptr;
    }

private:
    // The items in view now; an item still in view keeps its interface (a
    // screen reader holds on to the one it is reading).
    void refresh() const
    {
        auto* map = static_cast<MapWidget*>(widget());
        const std::vector<MapItem> items = selectableItems(map->renderer(), map->viewport());
        std::map<ItemKey, QAccessible::Id> kept;
        m_order.clear();
        for (const MapItem& item : items) {
            const ItemKey key = keyOf(item);
            if (kept.contains(key)) {
                continue; // one entry per item, even where the world repeats
            }
            if (const auto it = m_children.find(key); it != m_children.end()) {
                static_cast<MapItemAccessible*>(QAccessible::accessibleInterface(it->second))
                    ->setItem(item);
                kept.emplace(key, it->second);
                m_children.erase(it);
            } else {
                auto* child = new MapItemAccessible(map, const_cast<MapAccessible*>(this), item);
                kept.emplace(key, QAccessible::registerAccessibleInterface(child));
            }
            m_order.push_back(key);
        }
        for (const auto& [key, id] : m_children) {
            QAccessible::deleteAccessibleInterface(id);
        }
        m_children = std::move(kept);
    }

    mutable std::map<ItemKey, QAccessible::Id> m_children;
    mutable std::vector<ItemKey> m_order;
};

} // namespace

QAccessibleInterface* mapAccessibleFactory(const QString& className, QObject* object)
{
    if (auto* map = qobject_cast<MapWidget*>(object);
        map != nullptr && className == QLatin1String(MapWidget::staticMetaObject.className())) {
        return new MapAccessible(map);
    }
    return nullptr;
}

} // namespace wake::ui
