package dev.pharos.html;

/** One question of a FAQ page: its anchor, the question, and the answer as HTML and as plain text (for JSON-LD). */
public record FaqEntry(String id, String question, String answerHtml, String answerText) {
}
