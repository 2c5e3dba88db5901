#include "ui/report/vessel_report.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace wake::ui {

Status writeReport(const ReportData& data, const reference::FlagStates* flags, const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html") &&
        suffix != QLatin1String("htm")) {
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("a report is written as .pdf or .html"), path};
    }
    // Written beside and renamed into place: a failed write leaves no half report.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(150);
        writer.setTitle(QStringLiteral("%1: vessel report").arg(data.profile.vessel.displayName()));
        writer.setCreator(QStringLiteral("Wake"));
        QTextDocument doc;
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("wake-map.png")),
                        data.map);
        doc.setHtml(reportHtml(data, flags, ReportImages::Resources));
        doc.print(&writer);
    } else {
        file.write(reportHtml(data, flags, ReportImages::Embedded).toUtf8());
    }
    if (!file.commit()) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    return {};
}

} // namespace wake::ui
