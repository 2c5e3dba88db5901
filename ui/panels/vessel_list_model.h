#pragma once

// Table model of vessels for the vessel list: one row per vessel, no widget per
// row, so it stays fast with 100,000 vessels. Sort and filter with a proxy.

#include "core/model/vessel.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace wake::reference {
class FlagStates;
}

namespace wake::ui {

class VesselListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Mmsi,
        Imo,
        CallSign,
        Flag,
        Type,
        ColumnCount
    };
    static constexpr int kVesselIdRole = Qt::UserRole + 1;
    // Everything a filter may match in a row, in one string.
    static constexpr int kFilterTextRole = Qt::UserRole + 2;

    explicit VesselListModel(const reference::FlagStates* flags, QObject* parent = nullptr);

    void setVessels(std::vector<model::Vessel> vessels);
    // The same list, newer: rows of new vessels are inserted and changed rows
    // updated, so a view keeps its sort, selection and scroll position.
    void mergeVessels(std::vector<model::Vessel> vessels);
    const model::Vessel* vesselAt(int row) const;
    int rowOf(model::VesselId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The type shown: the source's words, else the AIS ship type's name.
    static QString typeText(const model::Vessel& vessel);

private:
    QString filterText(const model::Vessel& vessel) const;
    QString mmsiText(const model::Vessel& vessel, bool toolTip) const;
    void countMmsis();

    const reference::FlagStates* m_flags;
    std::vector<model::Vessel> m_vessels;
    // Vessels per MMSI: one MMSI heard from ships far apart is several
    // vessels, and their rows must not look alike.
    std::unordered_map<std::uint32_t, int> m_vesselsPerMmsi;
};

} // namespace wake::ui
