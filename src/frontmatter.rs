//! YAML front matter at the top of a Markdown or text article (`title`, `date`, `source`, `url`, `lang`).
