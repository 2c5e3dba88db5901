#pragma once

// Where a fact comes from and how sure we are of it. Every scenario value the
// app shows carries one of these, so the UI can say "high (S2, S3)".

#include <QString>

#include <optional>
#include <vector>

namespace wake::model {

enum class Confidence
{
    Unknown,
    Low,
    Medium,
    High
};

QString toString(Confidence confidence);
std::optional<Confidence> confidenceFromString(const QString& text);

struct Source
{
    QString id; // e.g. "S2"
    QString title;
    QString url;
};

struct Attribution
{
    Confidence confidence = Confidence::Unknown;
    std::vector<QString> sourceIds;
    QString note;
};

} // namespace wake::model
