// `npm start`: serves the demo (and the built bundle it loads) on localhost.
const port = Number(process.env.PORT ?? 8000);

export default {
  rootDir: '.',
  port,
  hostname: '127.0.0.1',
  open: false,
  watch: false,
  middleware: [
    function redirectToDemo(context, next) {
      if (context.url === '/' || context.url === '/index.html') {
        context.redirect('/demo/');
        return undefined;
      }
      return next();
    },
  ],
};
