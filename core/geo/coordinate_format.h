#pragma once

// Positions as people read them at sea: degrees and decimal minutes with the
// hemisphere ("9°21.600′N 79°52.800′W"), and decimal degrees ("9.36000, -79.88000").

#include <QString>

namespace wake::geo {

QString formatLatLonMinutes(double latDeg, double lonDeg);
QString formatLatLonDecimal(double latDeg, double lonDeg);

} // namespace wake::geo
