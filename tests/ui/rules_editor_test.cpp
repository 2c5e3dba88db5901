// Editing the watch rules in the window: a new file starts from an example
// that reads, a mistake is said with its rule and key and cannot be saved,
// and a save writes the text whole.

#include "tests/support/test_files.h"
#include "ui/watch/rules_editor.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;

namespace {

int argc = 1;
char arg0[] = "wake_ui_tests";
char* argv[] = {arg0, nullptr};

} // namespace

TEST(RulesEditor, AMistakeIsSaidAndNotSavedAGoodFileIsSavedWhole)
{
    if (QApplication::instance() == nullptr) {
        new QApplication(argc, argv);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    // A kept area the rules may name without defining it.
    const std::vector<geo::Area> stored{
        geo::Area::box({9.2, -80.0}, {9.45, -79.8}, QStringLiteral("Colón approach"))};
    ui::RulesEditor editor(path, stored);
    EXPECT_EQ(editor.text()->toPlainText(), ui::RulesEditor::example());
    EXPECT_TRUE(editor.problem().isEmpty()) << editor.problem().toStdString();
    auto* save = editor.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    EXPECT_TRUE(save->isEnabled());

    editor.text()->setPlainText(
        QStringLiteral(R"({"rules": [{"kind": "cpa", "nm": 0.5, "minutes": 500}]})"));
    EXPECT_TRUE(editor.problem().contains(QStringLiteral("rules[0]: \"minutes\" is 500")))
        << editor.problem().toStdString();
    EXPECT_FALSE(save->isEnabled());
    EXPECT_FALSE(editor.save());
    EXPECT_FALSE(QFile::exists(path)) << "nothing written";

    const QString good =
        QStringLiteral(R"({"rules": [{"kind": "area_enter", "area": "Colón approach"}]})");
    editor.text()->setPlainText(good);
    EXPECT_TRUE(editor.problem().isEmpty()) << editor.problem().toStdString();
    ASSERT_TRUE(editor.save());
    EXPECT_EQ(QString::fromUtf8(test::readAll(path)), good);
    // Opened again, it shows the file.
    ui::RulesEditor again(path, stored);
    EXPECT_EQ(again.text()->toPlainText(), good);
}
