// libFuzzer target for a rules file as wake analyze --rules reads it: JSON,
// then every value checked against its range. Rules that pass are within
// their ranges and survive being written and read again unchanged.

#include "core/analysis/rules.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (!doc.isObject()) {
        return 0;
    }
    auto rules = wake::analysis::AnalysisRules::parse(doc.object());
    if (!rules) {
        return 0;
    }
    const QJsonObject json = rules->toJson();
    for (const auto& f : wake::analysis::AnalysisRules::fieldList()) {
        const double v = json.value(f.group).toObject().value(f.key).toDouble();
        if (!(v >= f.min && v <= f.max)) {
            __builtin_trap();
        }
    }
    auto again = wake::analysis::AnalysisRules::parse(json);
    if (!again || !(*again == *rules)) {
        __builtin_trap();
    }
    return 0;
}
