// notFound() in a page of the module: caught inside the module's layout, so that the 404 is
// rendered on the server (without it the HTML was an empty shell filled by JavaScript).
export { default } from '../not-found';
