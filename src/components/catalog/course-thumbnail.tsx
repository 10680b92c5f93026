type Props = {
  url: string | null;
  title: string;
  className: string;
  /** Above the fold: load it first rather than lazily. */
  priority?: boolean;
};

/**
 * A course's picture: its thumbnail, or a tile with the title's first letter. Decorative either way (the title is
 * always next to it), so screen readers skip it.
 */
export function CourseThumbnail({ url, title, className, priority = false }: Props) {
  if (url) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a signed storage URL, which next/image cannot optimise
      <img
        src={url}
        alt=""
        width={640}
        height={360}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        decoding="async"
        className={`object-cover ${className}`}
      />
    );
  }
  return (
    <div
      aria-hidden="true"
      className={`flex items-center justify-center bg-gradient-to-br from-indigo-100 to-sky-100 text-3xl font-bold text-indigo-900 dark:from-indigo-950 dark:to-sky-950 dark:text-indigo-100 ${className}`}
    >
      {title.slice(0, 1)}
    </div>
  );
}
