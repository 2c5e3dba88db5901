#include "ui/panels/events_model.h"

#include "ui/map/map_style.h"

#include <QPainter>
#include <QPixmap>
#include <QStringList>

#include <map>

namespace wake::ui {

void EventsModel::setEvents(std::vector<model::Event> events)
{
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

const model::Event* EventsModel::eventAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_events[static_cast<std::size_t>(row)] : nullptr;
}

int EventsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

QIcon EventsModel::kindIcon(model::EventKind kind)
{
    // The same glyphs as on the map and the timeline, drawn once per kind
    // at twice the size for high-DPI screens.
    static std::map<model::EventKind, QIcon> icons;
    auto it = icons.find(kind);
    if (it == icons.end()) {
        QPixmap pixmap(32, 32);
        pixmap.setDevicePixelRatio(2.0);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        style::drawEventGlyph(p, QPointF(8, 8), kind);
        p.end();
        it = icons.emplace(kind, QIcon(pixmap)).first;
    }
    return it->second;
}

int EventsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex& index, int role) const
{
    const model::Event* e = eventAt(index.row());
    if (e == nullptr) {
        return {};
    }
    if (role == kEventIdRole) {
        return QVariant::fromValue<qlonglong>(e->id);
    }
    if (role == Qt::ToolTipRole) {
        return e->description;
    }
    if (role == Qt::DecorationRole && index.column() == Kind) {
        return kindIcon(e->kind);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Date:
        return model::formatTimeSpan(e->time);
    case Kind:
        return model::displayName(e->kind);
    case Title:
        return e->title;
    case Confidence:
        return model::toString(e->attribution.confidence);
    case Sources: {
        QStringList ids;
        for (const auto& id : e->attribution.sourceIds) {
            ids << id;
        }
        return ids.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Date:
        return tr("Date (as reported)");
    case Kind:
        return tr("Kind");
    case Title:
        return tr("Event");
    case Confidence:
        return tr("Confidence");
    case Sources:
        return tr("Sources");
    default:
        return {};
    }
}

} // namespace wake::ui
