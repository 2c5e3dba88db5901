#pragma once

#include "core/model/lat_lon.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace wake::model {

enum class PortKind
{
    Port,
    Terminal,
    Lock,
    Anchorage
};

enum class HarborSize
{
    Unknown,
    VerySmall,
    Small,
    Medium,
    Large
};

// A port or other named place a ship calls at.
struct Port
{
    std::int64_t id = 0; // store id; 0 for reference ports not in a database
    QString locode;      // UN/LOCODE without space ("PAONX"); may be empty
    QString name;
    QString countryAlpha2;
    LatLon position;
    PortKind kind = PortKind::Port;
    HarborSize harborSize = HarborSize::Unknown;
    double radiusKm = 2.0; // a ship within this distance is in port
    std::optional<int> wpiNumber;
    QString origin; // "WPI", "UN/LOCODE", "scenario"
};

// Port-call radius from the World Port Index harbour size: large harbours spread
// over several kilometres of quays and anchorages, small ones over one or two.
double defaultPortRadiusKm(HarborSize size);

QString toString(PortKind kind);
PortKind portKindFromString(const QString& text);

} // namespace wake::model
