#include "ui/watch/target_table_model.h"

#include "core/watch/cpa.h"

namespace wake::ui {

namespace {

QString decimal(const std::optional<double>& v, int places)
{
    return v ? QString::number(*v, 'f', places) : QString();
}

} // namespace

void TargetTableModel::setSnapshot(std::shared_ptr<const LiveSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_rows.clear();
    if (m_snapshot) {
        const auto& own = m_snapshot->ownShip;
        m_rows.reserve(m_snapshot->targets.size());
        for (const live::LiveTarget& t : m_snapshot->targets) {
            if (own && t.mmsi == own->mmsi) {
                continue; // own ship is not a target
            }
            Row row;
            row.target = &t;
            row.ageSeconds = static_cast<double>(m_snapshot->nowUtcMs - t.lastHeardUtcMs) / 1000.0;
            if (own) {
                const watch::Approach now = watch::closestApproach(
                    {{own->latDeg, own->lonDeg}, 0.0, 0.0}, {{t.latDeg, t.lonDeg}, 0.0, 0.0});
                row.rangeNm = now.rangeNm;
                row.bearingDeg = now.bearingDeg;
            }
            if (const auto a = m_snapshot->approaches.find(t.mmsi);
                a != m_snapshot->approaches.end()) {
                row.cpaNm = a->second.cpaNm;
                row.tcpaMinutes = a->second.tcpaMinutes;
            }
            m_rows.push_back(row);
        }
    }
    endResetModel();
}

int TargetTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TargetTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const live::LiveTarget& t = *row.target;
    if (role == kVesselRole) {
        return static_cast<qlonglong>(t.vesselId);
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Name ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    const bool sorting = role == kSortRole;
    if (role != Qt::DisplayRole && !sorting) {
        return {};
    }
    // Blank values sort last: a target with no CPA is not the nearest.
    auto number = [&](const std::optional<double>& v, int places) -> QVariant {
        if (sorting) {
            return v ? *v : 1e18;
        }
        return decimal(v, places);
    };
    switch (index.column()) {
    case Name:
        return t.name;
    case Mmsi:
        return sorting ? QVariant(static_cast<qulonglong>(t.mmsi))
                       : QVariant(QString::number(t.mmsi));
    case Type:
        return sorting ? QVariant(t.shipType.value_or(1000))
                       : QVariant(t.shipType ? QString::number(*t.shipType) : QString());
    case Range:
        return number(row.rangeNm, 2);
    case Bearing:
        return number(row.bearingDeg, 0);
    case Cpa:
        return number(row.cpaNm, 2);
    case Tcpa:
        return number(row.tcpaMinutes, 1);
    case Sog:
        return number(t.sogKnots, 1);
    case Cog:
        return number(t.cogDeg, 0);
    case Age:
        return sorting ? QVariant(row.ageSeconds)
                       : QVariant(QString::number(row.ageSeconds, 'f', 0));
    default:
        return {};
    }
}

QVariant TargetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Name");
    case Mmsi:
        return tr("MMSI");
    case Type:
        return tr("Type");
    case Range:
        return tr("Range (nm)");
    case Bearing:
        return tr("Bearing (°)");
    case Cpa:
        return tr("CPA (nm)");
    case Tcpa:
        return tr("TCPA (min)");
    case Sog:
        return tr("SOG (kn)");
    case Cog:
        return tr("COG (°)");
    case Age:
        return tr("Age (s)");
    default:
        return {};
    }
}

} // namespace wake::ui
