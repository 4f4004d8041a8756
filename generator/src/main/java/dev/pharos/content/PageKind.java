package dev.pharos.content;

/** What a content page is: the home of a locale, a section (category) listing, or an article. */
public enum PageKind { HOME, SECTION, ARTICLE }
