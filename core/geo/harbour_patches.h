#pragma once

// Harbours GSHHG closes (Havana Bay among them), drawn from OpenStreetMap
// instead: boxes of about 6 km around World Port Index ports, each with
// OSM's land cut to the box (resources/coast/osm-harbour-patches.json, made
// by resources/tools/make_harbour_patches.py; ODbL 1.0). Inside a box, OSM
// decides what is land; everywhere else GSHHG does.

#include "core/model/lat_lon.h"
#include "core/util/result.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace wake::geo {

struct HarbourPatch
{
    QString port;
    model::LatLon southWest;
    model::LatLon northEast;
    std::vector<std::vector<model::LatLon>> land; // even-odd: holes are rings too

    bool contains(const model::LatLon& p) const
    {
        return p.latDeg >= southWest.latDeg && p.latDeg <= northEast.latDeg &&
               p.lonDeg >= southWest.lonDeg && p.lonDeg <= northEast.lonDeg;
    }
    bool isLand(const model::LatLon& p) const;
};

class HarbourPatches
{
public:
    static Result<std::shared_ptr<HarbourPatches>> open(const QString& path);
    static QString defaultPath();
    // The shipped file, once per process; nullptr when it is missing.
    static std::shared_ptr<HarbourPatches> shared();

    const std::vector<HarbourPatch>& patches() const { return m_patches; }
    // The patch a point lies in, if any.
    const HarbourPatch* at(const model::LatLon& p) const;

    static constexpr const char* kCredit = "Harbours: © OpenStreetMap contributors (ODbL)";

private:
    std::vector<HarbourPatch> m_patches;
};

} // namespace wake::geo
