#include "core/util/number_text.h"

#include <QLocale>

namespace wake::util {

namespace {

const QLocale& english()
{
    static const QLocale locale(QLocale::English);
    return locale;
}

} // namespace

QString countText(std::int64_t n)
{
    return english().toString(static_cast<qlonglong>(n));
}

QString decimalText(double value, int places)
{
    return english().toString(value, 'f', places);
}

} // namespace wake::util
