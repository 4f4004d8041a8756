// The instant answer box shown above search results (drop-down, results page, ticket assistant). Built with
// textContent only: the answer is index data and is never parsed as HTML. A region named by its label, so screen
// readers can find it; the live region that announces the result count says that an answer is shown.

let ids = 0;

/**
 * The box for an engine answer {question, text, url}: label ("Answer"), the question, the text (line breaks kept
 * by CSS) and a "Read more" link to the entry.
 */
export function answerBox(doc, answer, { label, more, lang } = {}) {
  const id = `pharos-answer-${++ids}`;
  const box = doc.createElement('section');
  box.className = 'search-answer';
  box.setAttribute('aria-labelledby', `${id}-label`);
  if (lang) box.lang = lang;
  const title = doc.createElement('p');
  title.className = 'search-answer-label';
  title.id = `${id}-label`;
  title.textContent = label;
  const question = doc.createElement('p');
  question.className = 'search-answer-question';
  question.id = `${id}-question`;
  question.textContent = answer.question;
  const text = doc.createElement('p');
  text.className = 'search-answer-text';
  text.textContent = answer.text;
  const link = doc.createElement('a');
  link.className = 'search-answer-more';
  link.href = answer.url;
  link.textContent = more;
  // "Read more" says where only with the question it belongs to.
  link.setAttribute('aria-describedby', question.id);
  box.append(title, question, text, link);
  return box;
}
