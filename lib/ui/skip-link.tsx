// « Aller au contenu »: the keyboard's first stop, past the header to the page's content
// (#contenu, in the module's and the administration's layouts). Inside the header, so that
// every part of the page belongs to a landmark.
export function SkipLink() {
  return (
    <a
      href="#contenu"
      className="sr-only rounded-md bg-white px-3 py-2 font-medium text-blue-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
    >
      Aller au contenu
    </a>
  );
}
