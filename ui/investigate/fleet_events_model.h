#pragma once

// Every vessel's events in one table (the fleet-wide events dock): each row
// an event with its vessel, the vessel's flag and type, whether a ship of it
// is on a list, and its confidence. Rows are filtered by the same rules as
// wake events (investigate/fleet_query.h).

#include "core/investigate/fleet_query.h"
#include "core/model/event.h"

#include <QAbstractTableModel>

#include <vector>

namespace wake::ui {

class FleetEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Vessel,
        Kind,
        Title,
        Flag,
        Type,
        Listed,
        Confidence,
        ColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kVesselIdRole = Qt::UserRole + 2;
    static constexpr int kEventIdRole = Qt::UserRole + 3;

    using QAbstractTableModel::QAbstractTableModel;

    void setData(std::vector<model::Event> events, investigate::FleetFacts facts);
    const model::Event& eventAt(int row) const
    {
        return m_events.at(static_cast<std::size_t>(row));
    }
    const investigate::FleetFacts& facts() const { return m_facts; }
    // The vessel's name, or "#id".
    QString vesselName(std::optional<model::VesselId> id) const;
    bool isListed(const model::Event& e) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const model::Vessel* vessel(std::optional<model::VesselId> id) const;

    std::vector<model::Event> m_events;
    investigate::FleetFacts m_facts;
};

} // namespace wake::ui
