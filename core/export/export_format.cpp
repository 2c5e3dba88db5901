#include "core/export/export_format.h"

#include <QFileInfo>

namespace wake::exporting {

Result<ExportFormat> exportFormatFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("gpx")) {
        return ExportFormat::Gpx;
    }
    if (n == QLatin1String("kml")) {
        return ExportFormat::Kml;
    }
    if (n == QLatin1String("geojson") || n == QLatin1String("json")) {
        return ExportFormat::GeoJson;
    }
    if (n == QLatin1String("csv")) {
        return ExportFormat::Csv;
    }
    return Error{
        Error::Code::InvalidArgument,
        QStringLiteral("unknown export format \"%1\" (use gpx, kml, geojson or csv)").arg(name),
        {}};
}

std::optional<ExportFormat> exportFormatFromPath(const QString& path)
{
    auto format = exportFormatFromName(QFileInfo(path).suffix());
    return format ? std::optional(*format) : std::nullopt;
}

QString extensionOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Gpx:
        return QStringLiteral("gpx");
    case ExportFormat::Kml:
        return QStringLiteral("kml");
    case ExportFormat::GeoJson:
        return QStringLiteral("geojson");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

QString fileFilterOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Gpx:
        return QStringLiteral("GPX 1.1 track (*.gpx)");
    case ExportFormat::Kml:
        return QStringLiteral("KML for Google Earth (*.kml)");
    case ExportFormat::GeoJson:
        return QStringLiteral("GeoJSON (*.geojson *.json)");
    case ExportFormat::Csv:
        return QStringLiteral("CSV, MarineCadastre columns (*.csv)");
    }
    return {};
}

} // namespace wake::exporting
