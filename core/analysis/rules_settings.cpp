#include "analysis/rules_settings.h"

#include <QJsonDocument>
#include <QSettings>

namespace wake::analysis {

namespace {
const char* const kKey = "analysis/rules";
}

AnalysisRules loadSavedRules()
{
    const QByteArray saved = QSettings().value(QString::fromLatin1(kKey)).toByteArray();
    const QJsonDocument doc = QJsonDocument::fromJson(saved);
    return doc.isObject() ? AnalysisRules::fromJson(doc.object())
                          : AnalysisRules::globalFishingWatch();
}

void saveRules(const AnalysisRules& rules)
{
    QSettings().setValue(QString::fromLatin1(kKey), rules.toCompactJson().toUtf8());
}

} // namespace wake::analysis
