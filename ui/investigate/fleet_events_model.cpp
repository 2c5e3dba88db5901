#include "ui/investigate/fleet_events_model.h"

#include "core/reference/ais_tables.h"
#include "ui/panels/events_model.h"

namespace wake::ui {

void FleetEventsModel::setData(std::vector<model::Event> events, investigate::FleetFacts facts)
{
    beginResetModel();
    m_events = std::move(events);
    m_facts = std::move(facts);
    endResetModel();
}

const model::Vessel* FleetEventsModel::vessel(std::optional<model::VesselId> id) const
{
    if (!id) {
        return nullptr;
    }
    const auto it = m_facts.vessels.find(*id);
    return it == m_facts.vessels.end() ? nullptr : &it->second;
}

QString FleetEventsModel::vesselName(std::optional<model::VesselId> id) const
{
    if (const model::Vessel* v = vessel(id)) {
        return v->displayName();
    }
    return id ? QStringLiteral("#%1").arg(*id) : QString();
}

bool FleetEventsModel::isListed(const model::Event& e) const
{
    return (e.vesselId && m_facts.listed.count(*e.vesselId)) ||
           (e.otherVesselId && m_facts.listed.count(*e.otherVesselId));
}

int FleetEventsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int FleetEventsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetEventsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const model::Event& e = eventAt(index.row());
    const model::Vessel* v = vessel(e.vesselId);
    if (role == kVesselIdRole) {
        return e.vesselId ? QVariant::fromValue<qint64>(*e.vesselId) : QVariant();
    }
    if (role == kEventIdRole) {
        return QVariant::fromValue<qint64>(e.id);
    }
    if (role == Qt::DecorationRole && index.column() == Kind) {
        return EventsModel::kindIcon(e.kind);
    }
    if (role == kSortRole && index.column() == Time) {
        return QVariant::fromValue<qint64>(e.time.startUtcMs);
    }
    if (role != Qt::DisplayRole && role != kSortRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case Time:
        return model::formatTimeSpan(e.time);
    case Vessel: {
        QString name = vesselName(e.vesselId);
        if (e.otherVesselId) {
            name += QStringLiteral(" + ") + vesselName(e.otherVesselId);
        }
        return name;
    }
    case Kind:
        return model::displayName(e.kind);
    case Title:
        return e.title;
    case Flag:
        return v && v->flagAlpha2 ? *v->flagAlpha2 : QString();
    case Type:
        return v ? reference::vesselTypeText(v->vesselType, v->aisShipType) : QString();
    case Listed:
        return isListed(e) ? tr("listed") : QString();
    case Confidence:
        return model::toString(e.attribution.confidence);
    default:
        return {};
    }
}

QVariant FleetEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Time:
        return tr("Date (as reported)");
    case Vessel:
        return tr("Vessel");
    case Kind:
        return tr("Kind");
    case Title:
        return tr("Event");
    case Flag:
        return tr("Flag");
    case Type:
        return tr("Type");
    case Listed:
        return tr("On a list");
    case Confidence:
        return tr("Confidence");
    default:
        return {};
    }
}

} // namespace wake::ui
