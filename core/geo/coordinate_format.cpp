#include "core/geo/coordinate_format.h"

#include <cmath>

namespace wake::geo {

namespace {

// One axis: whole degrees, minutes to three decimals (about 2 m), hemisphere.
QString axis(double deg, QChar positive, QChar negative, int degreeWidth)
{
    const double a = std::abs(deg);
    int whole = static_cast<int>(a);
    double minutes = (a - whole) * 60.0;
    // 59.9996' rounds to 60.000': carry it into the degrees.
    if (std::round(minutes * 1000.0) >= 60000.0) {
        ++whole;
        minutes = 0.0;
    }
    return QStringLiteral("%1°%2′%3")
        .arg(whole, degreeWidth, 10, QLatin1Char('0'))
        .arg(minutes, 6, 'f', 3, QLatin1Char('0'))
        .arg(deg < 0 ? negative : positive);
}

} // namespace

QString formatLatLonMinutes(double latDeg, double lonDeg)
{
    return axis(latDeg, QLatin1Char('N'), QLatin1Char('S'), 2) + QLatin1Char(' ') +
           axis(lonDeg, QLatin1Char('E'), QLatin1Char('W'), 3);
}

QString formatLatLonDecimal(double latDeg, double lonDeg)
{
    return QStringLiteral("%1, %2").arg(latDeg, 0, 'f', 5).arg(lonDeg, 0, 'f', 5);
}

} // namespace wake::geo
