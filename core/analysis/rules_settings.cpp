#include "core/analysis/rules_settings.h"

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
    // Saved by an older Wake whose ranges were wider, or edited by hand: a
    // value out of range gives the defaults rather than a detector fed nonsense.
    if (!doc.isObject()) {
        return AnalysisRules::globalFishingWatch();
    }
    auto rules = AnalysisRules::parse(doc.object());
    return rules.ok() ? *rules : AnalysisRules::globalFishingWatch();
}

void saveRules(const AnalysisRules& rules)
{
    QSettings().setValue(QString::fromLatin1(kKey), rules.toCompactJson().toUtf8());
}

} // namespace wake::analysis
