#include "core/util/number_text.h"

#include <QLocale>

#include <gtest/gtest.h>

using namespace wake;

// Counts and decimals read one way in every summary, whatever the locale the
// user's system has (a German one writes 338.167 and 1,7).
TEST(NumberText, OneFormWhateverTheSystemLocale)
{
    const QLocale before;
    for (const auto language : {QLocale::English, QLocale::German, QLocale::French}) {
        QLocale::setDefault(QLocale(language));
        EXPECT_EQ(util::countText(338167), QStringLiteral("338,167"));
        EXPECT_EQ(util::countText(0), QStringLiteral("0"));
        EXPECT_EQ(util::countText(-1200), QStringLiteral("-1,200"));
        EXPECT_EQ(util::decimalText(1202.345, 1), QStringLiteral("1,202.3"));
        EXPECT_EQ(util::decimalText(1.75, 0), QStringLiteral("2"));
        EXPECT_EQ(util::decimalText(0.05, 2), QStringLiteral("0.05"));
    }
    QLocale::setDefault(before);
}
