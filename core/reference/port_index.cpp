#include "reference/port_index.h"

#include "geo/geodesy.h"
#include "reference/core_resources.h"
#include "util/csv_table.h"

#include <algorithm>

namespace wake::reference {

namespace {

model::HarborSize harborSizeFromText(const QString& text)
{
    if (text == QLatin1String("Large")) {
        return model::HarborSize::Large;
    }
    if (text == QLatin1String("Medium")) {
        return model::HarborSize::Medium;
    }
    if (text == QLatin1String("Small")) {
        return model::HarborSize::Small;
    }
    if (text == QLatin1String("Very Small")) {
        return model::HarborSize::VerySmall;
    }
    return model::HarborSize::Unknown;
}

bool parseLatLon(const QString& lat, const QString& lon, model::LatLon& out)
{
    bool okLat = false;
    bool okLon = false;
    out = {lat.toDouble(&okLat), lon.toDouble(&okLon)};
    return okLat && okLon && out.isValid();
}

} // namespace

Result<PortIndex> PortIndex::loadBuiltIn()
{
    return load(corePath(QStringLiteral("ports/wpi_ports.csv")),
                corePath(QStringLiteral("ports/unlocode_seaports.csv")));
}

Result<PortIndex> PortIndex::load(const QString& wpiCsv, const QString& unlocodeCsv)
{
    auto wpi = readCsvTable(wpiCsv, {QStringLiteral("wpi_number"), QStringLiteral("name"),
                                     QStringLiteral("unlocode"), QStringLiteral("iso2"),
                                     QStringLiteral("lat"), QStringLiteral("lon"),
                                     QStringLiteral("harbor_size")});
    if (!wpi) {
        return wpi.error();
    }
    auto un = readCsvTable(unlocodeCsv,
                           {QStringLiteral("locode"), QStringLiteral("country"),
                            QStringLiteral("name"), QStringLiteral("lat"), QStringLiteral("lon")});
    if (!un) {
        return un.error();
    }

    std::vector<model::Port> ports;
    ports.reserve(wpi->rows.size() + un->rows.size());
    QHash<QString, bool> seenLocodes;
    const CsvHeader& wh = wpi->header;
    const int wNum = wh.indexOf(QStringLiteral("wpi_number"));
    const int wName = wh.indexOf(QStringLiteral("name"));
    const int wLocode = wh.indexOf(QStringLiteral("unlocode"));
    const int wIso = wh.indexOf(QStringLiteral("iso2"));
    const int wLat = wh.indexOf(QStringLiteral("lat"));
    const int wLon = wh.indexOf(QStringLiteral("lon"));
    const int wSize = wh.indexOf(QStringLiteral("harbor_size"));
    for (const QStringList& row : wpi->rows) {
        model::Port p;
        if (!parseLatLon(wpi->value(row, wLat), wpi->value(row, wLon), p.position)) {
            continue; // every WPI row has a position; a broken one is skipped, not guessed
        }
        p.name = wpi->value(row, wName);
        p.locode = wpi->value(row, wLocode).trimmed();
        p.countryAlpha2 = wpi->value(row, wIso);
        p.harborSize = harborSizeFromText(wpi->value(row, wSize));
        p.radiusKm = model::defaultPortRadiusKm(p.harborSize);
        bool ok = false;
        const int number = wpi->value(row, wNum).toInt(&ok);
        if (ok) {
            p.wpiNumber = number;
        }
        p.origin = QStringLiteral("WPI");
        if (!p.locode.isEmpty()) {
            seenLocodes.insert(p.locode, true);
        }
        ports.push_back(std::move(p));
    }
    const CsvHeader& uh = un->header;
    const int uLocode = uh.indexOf(QStringLiteral("locode"));
    const int uCountry = uh.indexOf(QStringLiteral("country"));
    const int uName = uh.indexOf(QStringLiteral("name"));
    const int uLat = uh.indexOf(QStringLiteral("lat"));
    const int uLon = uh.indexOf(QStringLiteral("lon"));
    for (const QStringList& row : un->rows) {
        model::Port p;
        p.locode = un->value(row, uLocode);
        if (seenLocodes.contains(p.locode) ||
            !parseLatLon(un->value(row, uLat), un->value(row, uLon), p.position)) {
            continue;
        }
        p.name = un->value(row, uName);
        p.countryAlpha2 = un->value(row, uCountry);
        p.origin = QStringLiteral("UN/LOCODE");
        seenLocodes.insert(p.locode, true);
        ports.push_back(std::move(p));
    }
    return fromPorts(std::move(ports));
}

PortIndex PortIndex::fromPorts(std::vector<model::Port> ports)
{
    PortIndex index;
    index.m_ports = std::move(ports);
    index.build();
    return index;
}

void PortIndex::build()
{
    std::vector<model::LatLon> positions;
    positions.reserve(m_ports.size());
    for (std::size_t i = 0; i < m_ports.size(); ++i) {
        positions.push_back(m_ports[i].position);
        if (!m_ports[i].locode.isEmpty() && !m_byLocode.contains(m_ports[i].locode)) {
            m_byLocode.insert(m_ports[i].locode, i);
        }
    }
    m_tree = geo::SphereIndex(positions);
}

std::vector<NearestPort> PortIndex::nearest(const model::LatLon& position, std::size_t limit,
                                            double maxDistanceM) const
{
    std::vector<NearestPort> result;
    for (const geo::SphereNeighbour& n : m_tree.nearest(position, limit, maxDistanceM)) {
        result.push_back({&m_ports[n.index], n.distanceM});
    }
    return result;
}

const model::Port* PortIndex::byLocode(const QString& locode) const
{
    QString key = locode;
    key.remove(QLatin1Char(' '));
    const auto it = m_byLocode.constFind(key.toUpper());
    return it == m_byLocode.cend() ? nullptr : &m_ports[*it];
}

} // namespace wake::reference
