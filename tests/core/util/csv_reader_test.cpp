#include "core/util/csv_reader.h"

#include <QBuffer>

#include <gtest/gtest.h>

using wake::CsvReader;

namespace {

std::vector<QStringList> readAllRecords(const QByteArray& bytes, QString* error = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    std::vector<QStringList> out;
    QStringList fields;
    while (reader.readRecord(fields)) {
        out.push_back(fields);
    }
    if (error != nullptr) {
        *error = reader.errorString();
    }
    return out;
}

} // namespace

TEST(CsvReader, QuotedFieldsCommasAndNewlines)
{
    const auto rows = readAllRecords("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (QStringList{"a", "b,c", "say \"hi\""}));
    EXPECT_EQ(rows[1], (QStringList{"1", "two\nlines", "3"}));
}

TEST(CsvReader, ByteOrderMarkAndLastLineWithoutNewline)
{
    const auto rows = readAllRecords("\xEF\xBB\xBFh1,h2\nx,y");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].front(), QStringLiteral("h1"));
    EXPECT_EQ(rows[1], (QStringList{"x", "y"}));
}

TEST(CsvReader, EmptyFieldsAndUtf8)
{
    const auto rows = readAllRecords("Colón,,Panamá\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (QStringList{QStringLiteral("Colón"), QString(), QStringLiteral("Panamá")}));
}

TEST(CsvReader, UnterminatedQuoteIsReported)
{
    QString error;
    const auto rows = readAllRecords("a,\"never closed\nb,c\n", &error);
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("line 1")));
    EXPECT_EQ(rows.size(), 1u);
}

TEST(CsvReader, OverlongRecordIsBoundedAndReadingGoesOn)
{
    QByteArray big(static_cast<qsizetype>(CsvReader::kMaxRecordBytes + 10), 'x');
    QString error;
    const auto rows = readAllRecords(big + "\nok,1\n", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("longer than")));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1], (QStringList{"ok", "1"}));
}
