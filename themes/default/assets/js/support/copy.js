// "Copy the text" for ticket forms that cannot be prefilled (Jira Service Management). The text stays in a
// read-only textarea, so without JavaScript (or clipboard access) the reader can still select and copy it.

async function copy(textarea) {
  try {
    await navigator.clipboard.writeText(textarea.value);
    return true;
  } catch {
    textarea.focus();
    textarea.select();
    return false;
  }
}

export function init(doc) {
  for (const button of doc.querySelectorAll('[data-copy]')) {
    const textarea = doc.getElementById(button.dataset.copy);
    if (!textarea) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      if (await copy(textarea)) {
        button.textContent = button.dataset.copied || label;
        setTimeout(() => {
          button.textContent = label;
        }, 2000);
      }
    });
  }
}
