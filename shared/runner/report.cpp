#include "report.hpp"

#include "text.hpp"

#include <nlohmann/json.hpp>

namespace runner {
namespace {
constexpr std::size_t output_lines_md = 40;
constexpr std::size_t output_chars_json = 8000;

std::string cell(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string lesson_label(const LessonGrade& lesson)
{
    switch (lesson.status) {
    case LessonGradeStatus::pass: return "\u2713 pass";
    case LessonGradeStatus::fail: return "\u2717 fail";
    case LessonGradeStatus::error: return "\u2717 does not compile";
    case LessonGradeStatus::missing: return "\u2717 missing";
    }
    return "";
}

int passed_in(const LessonGrade& lesson)
{
    int n = 0;
    for (const auto& task : lesson.tasks)
        n += task.status == TaskStatus::pass;
    return n;
}

std::string fenced(const std::string& text)
{
    // A fence longer than any backtick run inside, so compiler output cannot end it early.
    std::size_t longest = 0, run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    std::string body = text;
    if (!body.empty() && body.back() != '\n')
        body += '\n';
    return fence + "text\n" + body + fence + "\n";
}

std::string cap(const std::string& text, std::size_t max)
{
    if (text.size() <= max)
        return text;
    return text.substr(0, max) + "\n... (" + std::to_string(text.size() - max) + " more bytes)";
}

// JSON output must be valid UTF-8: replace bytes that are not (a test may print raw frames).
std::string valid_utf8(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3
                                                          : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
        if (ok && (len > 1 || c >= 0x20 || c == '\n' || c == '\t' || c == '\r')) {
            out.append(text, i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";   // U+FFFD
            i += 1;
        }
    }
    return out;
}

std::string task_status_name(const LessonGrade& lesson, const TaskResult* result)
{
    if (lesson.status == LessonGradeStatus::error)
        return "error";
    if (lesson.status == LessonGradeStatus::missing)
        return "missing";
    return result && result->status == TaskStatus::pass ? "pass" : "fail";
}

const TaskResult* result_for(const LessonGrade& lesson, const std::string& id)
{
    for (const auto& task : lesson.tasks)
        if (task.id == id)
            return &task;
    return nullptr;
}
}  // namespace

std::string status_name(LessonGradeStatus status)
{
    switch (status) {
    case LessonGradeStatus::pass: return "pass";
    case LessonGradeStatus::fail: return "fail";
    case LessonGradeStatus::error: return "error";
    case LessonGradeStatus::missing: return "missing";
    }
    return "";
}

int GradeReport::tasks_total() const
{
    int n = 0;
    for (const auto& lesson : lessons)
        n += static_cast<int>(lesson.task_list.size());
    return n;
}

int GradeReport::tasks_passed() const
{
    int n = 0;
    for (const auto& lesson : lessons)
        n += passed_in(lesson);
    return n;
}

int GradeReport::lessons_passed() const
{
    int n = 0;
    for (const auto& lesson : lessons)
        n += lesson.status == LessonGradeStatus::pass;
    return n;
}

std::string to_markdown(const GradeReport& report)
{
    std::string md = "# wscourse grade: `" + report.dir + "`\n\n";
    md += "| lesson | title | result | tasks passed |\n| --- | --- | --- | --- |\n";
    for (const auto& lesson : report.lessons)
        md += "| " + lesson.number + " | " + cell(lesson.title) + " | " + lesson_label(lesson)
              + " | " + std::to_string(passed_in(lesson)) + "/"
              + std::to_string(lesson.task_list.size()) + " |\n";
    md += "\n**Total: " + std::to_string(report.tasks_passed()) + "/"
          + std::to_string(report.tasks_total()) + " tasks passed; "
          + std::to_string(report.lessons_passed()) + "/" + std::to_string(report.lessons.size())
          + " lessons pass.**\n";

    for (const auto& lesson : report.lessons) {
        md += "\n## " + lesson.number + " " + lesson.title + ": " + lesson_label(lesson) + "\n\n";
        if (lesson.status == LessonGradeStatus::missing) {
            md += lesson.error + "\n";
            continue;
        }
        if (lesson.status == LessonGradeStatus::error) {
            md += "Does not compile. First error:\n\n" + fenced(lesson.error);
            continue;
        }
        md += "| task | title | result |\n| --- | --- | --- |\n";
        for (const auto& task : lesson.task_list) {
            const TaskResult* r = result_for(lesson, task.id);
            bool pass = r && r->status == TaskStatus::pass;
            md += "| " + task.id + " | " + cell(task.title) + " | "
                  + (pass ? "\u2713 pass" : "\u2717 fail")
                  + (r && !r->summary.empty() ? " (" + cell(r->summary) + ")" : "") + " |\n";
        }
        for (const auto& task : lesson.tasks) {
            if (task.status == TaskStatus::pass)
                continue;
            md += "\n<details><summary>" + task.id + " output</summary>\n\n"
                  + fenced(trim_lines(task.output, output_lines_md)) + "\n</details>\n";
        }
    }
    return md;
}

std::string to_json(const GradeReport& report)
{
    using nlohmann::json;
    json out;
    out["dir"] = valid_utf8(report.dir);
    out["lessons"] = json::array();
    int failed_lessons = 0, error_lessons = 0, missing_lessons = 0;
    for (const auto& lesson : report.lessons) {
        json l;
        l["number"] = lesson.number;
        l["slug"] = lesson.slug;
        l["title"] = lesson.title;
        l["status"] = status_name(lesson.status);
        l["error"] = lesson.error.empty() ? json(nullptr) : json(valid_utf8(lesson.error));
        l["tasks"] = json::array();
        for (const auto& task : lesson.task_list) {
            const TaskResult* r = result_for(lesson, task.id);
            json t;
            t["id"] = task.id;
            t["title"] = task.title;
            t["status"] = task_status_name(lesson, r);
            t["message"] = r ? valid_utf8(r->summary) : "";
            t["output"] = r && r->status != TaskStatus::pass
                              ? valid_utf8(cap(r->output, output_chars_json))
                              : "";
            l["tasks"].push_back(t);
        }
        out["lessons"].push_back(l);
        failed_lessons += lesson.status == LessonGradeStatus::fail;
        error_lessons += lesson.status == LessonGradeStatus::error;
        missing_lessons += lesson.status == LessonGradeStatus::missing;
    }
    out["summary"] = {
        {"lessons", {{"total", report.lessons.size()}, {"pass", report.lessons_passed()},
                     {"fail", failed_lessons}, {"error", error_lessons},
                     {"missing", missing_lessons}}},
        {"tasks", {{"total", report.tasks_total()}, {"pass", report.tasks_passed()},
                   {"fail", report.tasks_total() - report.tasks_passed()}}},
        {"status", report.lessons_passed() == static_cast<int>(report.lessons.size()) ? "pass"
                                                                                      : "fail"}};
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string xml_escape(const std::string& raw)
{
    std::string text = valid_utf8(raw);
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            // XML 1.0 allows no control characters but tab, newline and carriage return.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
                out += "?";
            else
                out += c;
        }
    }
    return out;
}

std::string to_junit(const GradeReport& report)
{
    int failures_all = 0, errors_all = 0;
    std::string suites;
    for (const auto& lesson : report.lessons) {
        int failures = 0, errors = 0;
        std::string cases;
        for (const auto& task : lesson.task_list) {
            const TaskResult* r = result_for(lesson, task.id);
            cases += "    <testcase classname=\"" + xml_escape("lesson" + lesson.number)
                     + "\" name=\"" + xml_escape(task.id + ": " + task.title) + "\">\n";
            if (lesson.status == LessonGradeStatus::error) {
                ++errors;
                cases += "      <error message=\"" + xml_escape("lesson " + lesson.number
                                                             + " does not compile")
                         + "\" type=\"compile\">" + xml_escape(lesson.error) + "</error>\n";
            } else if (lesson.status == LessonGradeStatus::missing) {
                ++errors;
                cases += "      <error message=\"" + xml_escape(lesson.error)
                         + "\" type=\"missing\"/>\n";
            } else if (!r || r->status != TaskStatus::pass) {
                ++failures;
                cases += "      <failure message=\"" + xml_escape(r ? r->summary : "not run")
                         + "\">" + xml_escape(r ? cap(r->output, output_chars_json) : "")
                         + "</failure>\n";
            }
            cases += "    </testcase>\n";
        }
        failures_all += failures;
        errors_all += errors;
        suites += "  <testsuite name=\"" + xml_escape("lesson" + lesson.number + " " + lesson.title)
                  + "\" tests=\"" + std::to_string(lesson.task_list.size()) + "\" failures=\""
                  + std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\">\n"
                  + cases + "  </testsuite>\n";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wscourse grade\" tests=\""
           + std::to_string(report.tasks_total()) + "\" failures=\""
           + std::to_string(failures_all) + "\" errors=\"" + std::to_string(errors_all) + "\">\n"
           + suites + "</testsuites>\n";
}

}  // namespace runner
