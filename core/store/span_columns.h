#pragma once

// A TimeSpan is stored as three columns: start (UTC ms), end (UTC ms) and precision.

#include "core/model/time_span.h"
#include "core/store/sql_connection.h"

#include <optional>

namespace wake::store {

inline void bindSpan(Statement& s, int index, const std::optional<model::TimeSpan>& span)
{
    if (span) {
        s.bind(index, span->startUtcMs);
        s.bind(index + 1, span->endUtcMs);
        s.bind(index + 2, model::toString(span->precision));
    } else {
        s.bindNull(index);
        s.bindNull(index + 1);
        s.bindNull(index + 2);
    }
}

inline std::optional<model::TimeSpan> readSpan(const Statement& s, int column)
{
    if (s.isNull(column)) {
        return std::nullopt;
    }
    return model::TimeSpan{s.int64(column), s.int64(column + 1),
                           model::timePrecisionFromString(s.text(column + 2))
                               .value_or(model::TimePrecision::Millisecond)};
}

} // namespace wake::store
